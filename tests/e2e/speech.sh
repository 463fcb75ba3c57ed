# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/speech.sh: Read aloud (--speech) end to end, in the test binary
# with KIOSK_TEST_AUDIO=null (eSpeak NG synthesizes and keeps time, nothing
# is played: this machine may have no sound card). Reading starts from the
# page's first sentence, the highlight moves on to the next, pause holds it,
# Stop ends the reader process, a language switch mid-page reads the same
# page in the other language's voice; questions are read with their
# answers; Esc stops before it goes back; hang-up ends the reader with the
# kiosk. Where there is no audio device, or over SSH, the control is not
# shown and the event log (KIOSK_LOG_FILE) says why, once.
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

if ! grep -q '^#define HAVE_SPEECH 1' "$KIOSK_BUILD/config.h"; then
    echo "1..0 # SKIP built without eSpeak NG"
    exit 77
fi

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
trace=$work/trace

run() { # run ENV... : the test binary with --speech on the bundled content
    start 80 24 env KIOSK_TEST_SPEECH_TRACE="$trace" KIOSK_LOCALEDIR="$KIOSK_LOCALEDIR" \
        KIOSK_LOG_FILE="$work/log" "$@" "$KIOSK_TEST_BIN" --content "$KIOSK_CONTENT_DIR" --lang en --speech
}

# The text of the screen's highlighted (read aloud) cells: ROLE_MATCH's
# black on yellow, as capture-pane -e shows it.
highlighted() {
    T capture-pane -p -e -t k | tail -n +2 | perl -ne '
        my ($on, $out) = (0, "");
        while (/\G(?:\e\[([0-9;]*)m|([^\e]))/gc) {
            if (defined $1) {
                for my $p (split /;/, $1 eq "" ? "0" : $1) {
                    $on = 1 if $p eq "43";
                    $on = 0 if $p eq "0" || $p eq "49";
                }
            } elsif ($on) { $out .= $2 }
        }
        print "$out\n" if $out ne ""' | tr '\n' ' ' | sed 's/  */ /g; s/ $//'
}

# wait_highlight TEXT [SECONDS]: poll (10 s unless told) until the
# highlight holds TEXT.
wait_highlight() {
    local tries=$(( ${2:-10} * 10 ))
    while [ $tries -gt 0 ]; do
        case "$(highlighted)" in *"$1"*) return 0 ;; esac
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

expect_highlight() {
    checks=$((checks + 1))
    if wait_highlight "$2" "${3:-10}"; then
        echo "ok - $1"
    else
        failures=$((failures + 1))
        echo "not ok - $1: \"$2\" is not highlighted (\"$(highlighted)\"). Screen was:"
        screen | sed 's/^/    | /'
    fi
}

check() { # check NAME COMMAND...: pass when the command succeeds
    local name=$1
    shift
    checks=$((checks + 1))
    if "$@"; then echo "ok - $name"; else
        failures=$((failures + 1))
        echo "not ok - $name"
        screen | sed 's/^/    | /'
    fi
}

kiosk_pid() { pgrep -P "$(T display-message -p -t k '#{pane_pid}')" | head -1; }
# readers: how many reader processes the kiosk has.
readers() {
    local k
    k=$(kiosk_pid)
    if [ -n "$k" ]; then pgrep -c -P "$k"; else echo 0; fi
    return 0
}
wait_readers() { # wait_readers N
    local tries=50
    while [ $tries -gt 0 ] && [ "$(readers)" != "$1" ]; do sleep 0.1; tries=$((tries - 1)); done
    [ "$(readers)" = "$1" ]
}
traced() { grep -c "$1" "$trace" 2>/dev/null || true; }
wait_traced() { # wait_traced PATTERN
    local tries=100
    while [ $tries -gt 0 ] && [ "$(traced "$1")" = 0 ]; do sleep 0.1; tries=$((tries - 1)); done
    [ "$(traced "$1")" != 0 ]
}

run KIOSK_TEST_AUDIO=null
expect "home screen" "Ketamine"
expect_not "no Read aloud on the home menu" "Read aloud"
keys "$(menu_number "SSRI stop")"
expect "the page opens" "Does my SSRI stop ketamine from working?"
expect "the page offers Read aloud" "[r Read aloud]"
check "nothing is highlighted before reading" [ -z "$(highlighted)" ]
check "no reader before reading" [ "$(readers)" = 0 ]

keys r
expect "reading shows Pause and Stop" "[x Stop]"
expect_highlight "reading starts with the page's first sentence" "Does my SSRI stop ketamine from working?"
check "one reader process" [ "$(readers)" = 1 ]
check "the reader speaks English" wait_traced "voice=en rate=150 sentence=0"
expect_highlight "the highlight moves on to the next sentence" "Many people worry about this."
check "the first sentence is no longer highlighted" \
    sh -c "! printf '%s' \"\$1\" | grep -qF 'from working'" sh "$(highlighted)"

keys r
expect "r pauses" "[r Go on]"
keys r
expect "r goes on" "[r Pause]"
keys -
expect "- reads slower" "Reading speed: 125 words a minute"

keys x
expect "x stops" "[r Read aloud]"
check "the reader process is gone" wait_readers 0
check "nothing is highlighted after Stop" [ -z "$(highlighted)" ]
expect "Stop keeps the page" "Does my SSRI stop ketamine from working?"

# Mid-page, another language: the same page, read in that language's voice.
keys Space
expect "the page scrolled" "of "
keys L
expect "the language choice" "Español"
keys "$(menu_number Español)"
es_title=$(grep -m1 '^# ' "$KIOSK_CONTENT_DIR/es/ssri-and-ketamine.md" | sed 's/^# //')
expect "the button in Spanish" "[r $(translated es 'Read aloud')]"
keys g
expect "the page in Spanish" "$es_title"
keys r
expect_highlight "Spanish reading starts at the Spanish title" "$es_title"
check "the reader speaks Spanish" wait_traced "voice=es rate=125 sentence=0"
keys L
expect "the language choice again" "中文"
check "leaving the page stops the reader" wait_readers 0
keys "$(menu_number 中文)"
keys g r
zh_title=$(grep -m1 '^# ' "$KIOSK_CONTENT_DIR/zh/ssri-and-ketamine.md" | sed 's/^# //')
expect_highlight "Chinese reading starts at the Chinese title" "$zh_title"
check "the reader speaks Mandarin" wait_traced "voice=cmn rate=125 sentence=0"

# Esc stops the reading first, then goes back.
keys Escape
expect "Esc stops the reading" "[r $(translated zh_CN 'Read aloud')]"
check "Esc stopped the reader" wait_readers 0
expect "Esc kept the page" "$zh_title"

# Hang-up while reading: the kiosk and its reader end at once.
keys r
check "reading again" wait_readers 1
reader=$(pgrep -P "$(kiosk_pid)")
kill -HUP "$(kiosk_pid)"
expect "hang-up ends the kiosk" "exit=0"
check "hang-up ended the reader" sh -c "! kill -0 $reader 2>/dev/null"

# A question is read with its answers ("Answer 1: ..." is heard).
: >"$trace"
run KIOSK_TEST_AUDIO=null
keys "$(menu_number "$(grep -m1 '(questions.md)' "$KIOSK_CONTENT_DIR/en/index.md" | sed 's/^- \[\(.*\)\](.*/\1/')")"
expect "the first question" "Question 1"
expect "the question offers Read aloud" "[r Read aloud]"
first_answer=$(screen | grep -oE '^ [> ] ?1\. (\(.\)|\[.\]) .*' | sed -E 's/^ [> ] ?1\. (\(.\)|\[.\]) //; s/ *$//')
keys + + + + + +
expect "+ reads faster, up to the fastest" "Reading speed: 300 words a minute"
keys r
# The question and its help come first: up to a minute on a loaded machine.
expect_highlight "the first answer is read" "$first_answer" 60
keys Enter
check "answering moves on and stops the reader" wait_readers 0
keys q

# No audio device: no control, one line on stderr saying why.
: >"$work/log"
run KIOSK_TEST_AUDIO=none
expect "home screen" "Ketamine"
keys "$(menu_number "SSRI stop")"
expect "the page opens" "Does my SSRI stop ketamine from working?"
expect_not "no Read aloud without an audio device" "Read aloud"
keys r
check "r does nothing" [ "$(readers)" = 0 ]
keys q
expect "quits" "exit=0"
check "the log says why, once" [ "$(grep -c 'speech-off: no audio output' "$work/log")" = 1 ]

# Over SSH the sound would play on the server: off.
: >"$work/log"
run KIOSK_TEST_AUDIO=null SSH_CONNECTION=192.0.2.1
keys "$(menu_number "SSRI stop")"
expect "the page opens over SSH" "Does my SSRI stop ketamine from working?"
expect_not "no Read aloud over SSH" "Read aloud"
keys q
expect "quits" "exit=0"
check "the log says it is an SSH session" grep -q 'speech-off: this is an SSH session' "$work/log"

finish
