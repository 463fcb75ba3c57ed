# SPDX-License-Identifier: GPL-3.0-or-later
# tests/e2e/forget.sh: after the idle wipe, nothing the patient caused is left
# in the kiosk's memory. A patient walks the questions with distinctive
# answers, searches for a made-up word and saves the summary (in two
# languages); the kiosk is dumped with gdb's gcore at the summary (the control:
# the text must be found) and again once the idle wipe has run (none of it may
# be left). Scenarios: the idle wipe from the summary; a language switch in the
# middle of the questions; Finish on the summary; a printed
# summary's copy kept for a staff reprint, zeroed once its five minutes are
# up with nobody at the kiosk. Also checked:
# the process is not dumpable, has a core limit of 0/0, and its patient arena
# is kept out of core dumps (dd) and locked in RAM (lo, VmLck).
#
# gcore -a dumps every mapping, the arena (MADV_DONTDUMP) included, so the
# wipe itself is what is tested, not the exclusion. The kiosk makes itself
# non-dumpable, so only root (CAP_SYS_PTRACE) can attach to it: the test is
# skipped otherwise, and in sanitizer builds (ASan's shadow memory cannot be
# dumped whole).
#
# The kiosk runs as the test binary (tests/patient-kiosk-test) with its clock
# five times as fast (KIOSK_TEST_CLOCK=5, tui/ui_clock.h): the 40 s idle
# timeout and the 8 s countdown take 8 s and 1.6 s. The summaries the
# patterns come from are the installed program's (--summary has no clock).
. "${KIOSK_TESTS:-$(dirname "$0")/..}/lib.sh"

skip() { echo "SKIP: $*"; exit 77; }
[ -z "${KIOSK_NO_VALGRIND:-}" ] || skip "sanitizer build: its shadow memory cannot be dumped"
LC_ALL=C grep -qa __asan_init "$KIOSK" && skip "ASan build: its shadow memory cannot be dumped"
command -v gcore >/dev/null || skip "gcore (gdb) is not installed: .ci/deps installs gdb"
[ "$(id -u)" -eq 0 ] || skip "needs root: the kiosk is not dumpable (PR_SET_DUMPABLE 0), so only
    root may attach a debugger to it (CI runs as root; see docs/SECURITY.md)"

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT
mkdir -m 700 "$work/saved"
printf '[kiosk]\nidle_timeout = 40\ncountdown = 8\n[print]\ncommand =\n[summary]\nsave_folder = %s\nsecond_language = es\n' \
    "$work/saved" > "$work/kiosk.conf"

# The patient's answers (question id = choices), in path order.
ANSWERS="safety=2,treatment=2,antidepressant=1,which-antidepressant=5+6,antidepressant-change=4,\
anxiety-sleep=1+5,mood-seizure=2,adhd=5,pain=3,substances=4,heart=4,serotonin=3,symptoms-now=2,\
pregnancy=2,psychosis-bipolar=2,allergy-liver=2,prescriber=2,main-concern=4"
# Another patient's, for the lines every summary has (headings, footer).
OTHER="safety=3,treatment=5,antidepressant=4,anxiety-sleep=8,mood-seizure=8,adhd=7,pain=8,\
substances=6,heart=9,serotonin=5,symptoms-now=2,pregnancy=7,psychosis-bipolar=5,allergy-liver=5,\
prescriber=5,main-concern=8"
SEARCH=zqxprivatesearch
# The question the patient writes on the question builder, before the summary.
OWN="Zqx can I take my Fluvoxamine at night before the session"

summary_of() { # LANG ANSWERS FORMAT WIDTH
    "$KIOSK" --content "$KIOSK_CONTENT_DIR" --lang "$1" --summary "$2" --format "$3" --width "$4" </dev/null
}

# patterns LANG: the text only these answers put in a summary, one per line:
# its laid-out lines at the screen's and the paper's width and its items
# whole, less what every summary has and what the content itself says.
patterns() {
    local lang=$1 w fmt
    for w in 78 80; do
        summary_of "$lang" "$ANSWERS" text $w | sed 's/^[ •]*//; s/ *$//' > "$work/mine"
        summary_of "$lang" "$OTHER" text $w | sed 's/^[ •]*//; s/ *$//' > "$work/other"
        grep -vxF -f "$work/other" "$work/mine"
    done
    summary_of "$lang" "$ANSWERS" html 80 | sed -n 's/^<li>\(.*\)<\/li>$/\1/p' > "$work/mine"
    summary_of "$lang" "$OTHER" html 80 | sed -n 's/^<li>\(.*\)<\/li>$/\1/p' > "$work/other"
    grep -vxF -f "$work/other" "$work/mine" | grep -v '[&<]'
    echo "$SEARCH"
    echo "$OWN"
} 2>/dev/null
# 1 when p is in the content, the program or its catalogs: words every
# kiosk holds whoever is at it (answer labels, headings, rules).
everyone_has() {
    LC_ALL=C grep -qaF -- "$1" "$KIOSK_CONTENT_DIR"/*/*.md "$KIOSK" "$KIOSK_LOCALEDIR"/*/LC_MESSAGES/*.mo
}
make_patterns() {
    : > "$work/patterns"
    for lang in "$@"; do
        patterns "$lang" | while IFS= read -r p; do
            [ "${#p}" -ge 12 ] || continue
            case $p in *[0-9][0-9]:[0-9][0-9]*) continue ;; *[a-zA-Z]*) ;; *) continue ;; esac
            everyone_has "$p" || printf '%s\n' "$p"
        done >> "$work/patterns"
    done
    sort -u -o "$work/patterns" "$work/patterns"
}

# The kiosk: the pane's shell's child while it runs (env execs it).
kiosk_pid() { pgrep -P "$(T display -p -t k '#{pane_pid}')" '^patient-kiosk'; }

# dump NAME: a core of the kiosk, every mapping included; prints its path.
dump() {
    local pid
    pid=$(kiosk_pid)
    gcore -a -o "$work/$1" "$pid" >"$work/$1.log" 2>&1 || { cat "$work/$1.log"; return 1; }
    echo "$work/$1.$pid"
}

# found CORE: how many of the patterns occur in CORE; names each on stderr.
found() {
    LC_ALL=C grep -aoF -f "$work/patterns" "$1" | sort | uniq -c | sed 's/^/    found: /' > "$work/found"
    cat "$work/found" >&2
    wc -l < "$work/found"
}

# answer SPEC: give the answers on the question screens, one question each.
answer() {
    local IFS=, qa choices c before
    for qa in $1; do
        choices=${qa#*=}
        wait_for "Question" 5
        before=$(screen | head -1)
        IFS=+
        for c in $choices; do keys "$c"; done
        IFS=,
        keys Enter
        wait_title_changes "$before"
    done
}

# start_patient [CONFIG [CLOCK]]: the kiosk (kiosk.conf, clock 5) and a
# patient at it, searching, then at question 1.
# own_question TEXT: on the question builder (after the last question),
# write TEXT as the patient's first own question; then on to the summary.
own_question() {
    local i
    wait_for "Your questions for your care team" 5
    for i in $(seq 1 30); do
        screen | grep -qE '^ *> 1\. ' && break
        keys Down
    done
    keys Enter
    expect "the patient's own question opens to write in" "Your question 1 of 3:"
    keys -l "$1"
    keys Enter
    expect "the builder shows what the patient wrote" "1. $1"
    keys n
}

# past_builder: on from the question builder to the summary, writing nothing.
past_builder() {
    wait_for "Your questions for your care team" 5
    keys n
}

start_patient() {
    start 80 24 "KIOSK_TEST_CLOCK=${2:-5}" "$KIOSK_TEST_BIN" --kiosk --content "$KIOSK_CONTENT_DIR" \
        --lang en --config "${1:-$work/kiosk.conf}"
    expect "the attract screen waits for a patient" "Touch the screen or press any key"
    keys x
    expect "any key starts" "visit"
    keys / && T send-keys -t k -l "$SEARCH" && keys Enter
    expect "a search for a made-up word finds nothing" "$SEARCH"
    keys "$(menu_number visit)"
    expect "the questions start" "Question 1 of about"
}

# check_wipe NAME: dump at the summary (the control must find the patient's
# text), let the idle wipe run, dump again (nothing may be left).
check_wipe() {
    local name=$1 core n
    core=$(dump "$name-before")
    n=$(found "$core" 2>/dev/null)
    check "$name: the control finds the patient's text before the wipe ($n of $(wc -l < "$work/patterns"))" \
        test "$n" -gt 0
    rm -f "$core"
    checks=$((checks + 1))
    if wait_for "any key to start" 15; then
        echo "ok - $name: the idle wipe ran"
    else
        failures=$((failures + 1)); echo "not ok - $name: the idle wipe did not run"; screen
    fi
    sleep 0.5
    core=$(dump "$name-after")
    n=$(found "$core")
    check "$name: nothing of the patient's is left after the wipe ($n found)" test "$n" -eq 0
    rm -f "$core"
}

# 1. The whole flow with a question of the patient's own, a saved summary
# in two languages, the idle wipe.
make_patterns en es
start_patient
answer "$ANSWERS"
own_question "$OWN"
expect "the summary shows" "Your summary for the clinician"
expect "with the patient's own question" "$OWN"
keys s
expect "the summary is saved" "Saved as"
check_wipe idle
# The same kiosk, still running (at the attract screen now).
pid=$(kiosk_pid)
check "the kiosk's core limit is 0, soft and hard" \
    grep -qE '^Max core file size +0 +0 ' "/proc/$pid/limits"
# Not dumpable: the kernel then gives a process's /proc files to root instead
# of its own user. Seen on a kiosk run as nobody, from a copy nobody can read;
# the control is a process run the same way that does not call prctl. (gdb's
# call of prctl() inside the kiosk fails on some CPUs: "Couldn't write
# extended state status".)
ro=$(mktemp -d)
cp "$KIOSK" "$ro/patient-kiosk"
cp -r "$KIOSK_CONTENT_DIR" "$ro/content"
chmod -R a+rX "$ro"
# proc_owner WANT NAME COMMAND...: the owner of /proc/PID/environ of COMMAND,
# run as nobody with stdin held open, once it is WANT (or after 10 s).
proc_owner() {
    local want=$1 name=$2 p owner=none i
    shift 2
    sleep 30 | setpriv --reuid=65534 --regid=65534 --clear-groups "$@" >/dev/null 2>&1 &
    for i in $(seq 50); do
        p=$(pgrep -u 65534 -x "$name" | head -1)
        [ -n "$p" ] && owner=$(stat -c %u "/proc/$p/environ" 2>/dev/null) && [ "$owner" = "$want" ] && break
        sleep 0.2
    done
    [ -n "$p" ] && kill "$p" 2>/dev/null
    echo "$owner"
}
owner=$(proc_owner 65534 sleep sleep 29)
check "control: a process run as nobody owns its /proc files (uid $owner)" test "$owner" = 65534
owner=$(proc_owner 0 patient-kiosk env KIOSK_CONFIG= KIOSK_LOG_FILE= "$ro/patient-kiosk" --plain \
    --content "$ro/content" --lang en)
check "the kiosk is not dumpable: its /proc files are root's (uid $owner)" test "$owner" = 0
rm -rf "$ro"
arena=$(awk '/patient-kiosk patient data/ {m = 1; next} m && /^VmFlags:/ {print; exit}' "/proc/$pid/smaps")
if [ -z "$arena" ]; then # kernels before 5.17 do not name mappings
    arena=$(awk '/^[0-9a-f]+-[0-9a-f]+ / {s = $1} /^VmFlags:.* dd/ {print; exit}' "/proc/$pid/smaps")
fi
check "the patient arena is kept out of core dumps ($arena)" sh -c "echo '$arena' | grep -q ' dd'"
check "the patient arena is locked in RAM" sh -c "echo '$arena' | grep -q ' lo' &&
    grep -qE '^VmLck:[[:space:]]+[1-9][0-9]{3,} kB' /proc/$pid/status"
caught=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$pid/status")
check "a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS) is caught, to wipe first (SigCgt $caught)" \
    test $(( 0x$caught & 0x400004e8 )) -eq $(( 0x400004e8 ))

# 2. A language switch in the middle of the questions: the summary in
# English, back to a question, Spanish from there on, the summary in Spanish.
start_patient
answer "$ANSWERS"
own_question "$OWN"
expect "the summary shows in English" "Your summary for the clinician"
keys BSpace
expect "back to the last question" "Question"
keys L
expect "the language choice" "Español"
keys "$(menu_number Español)"
wait_for "Pregunta" 5
keys Enter
expect "the summary shows in Spanish" "$(translated es 'Your summary for the clinician')"
check_wipe language

# 3. Finish on the summary: the patient's own question too, wiped at once.
start_patient
answer "$ANSWERS"
own_question "$OWN"
expect "the summary shows" "Your summary for the clinician"
expect "the summary offers Finish" "[ Finish ]"
core=$(dump finish-before)
check "finish: the control finds the patient's text" test "$(found "$core" 2>/dev/null)" -gt 0
rm -f "$core"
keys f
expect "Finish goes back to the start" "any key to start"
core=$(dump finish-after)
n=$(found "$core")
check "finish: nothing of the patient's is left ($n found)" test "$n" -eq 0
rm -f "$core"
# 4. A printed summary is kept for a staff reprint for five minutes, past
# the idle wipe; then it is zeroed though nobody comes back (the main loop
# wakes for it). The clock runs 20 times as fast: the 100 s idle timeout
# takes 5 s, the five minutes 15 s.
mkdir -m 700 "$work/rec"
printf '[kiosk]\nidle_timeout = 100\ncountdown = 5\n[print]\ncommand = %s/print/record.sh %s/rec\n[summary]\nsecond_language = es\n' \
    "$KIOSK_TEST_DATA" "$work" > "$work/print.conf"
start_patient "$work/print.conf" 20
answer "$ANSWERS"
past_builder
expect "the summary shows" "Your summary for the clinician"
keys p
expect "the summary is printed" "Sent to the printer"
checks=$((checks + 1))
if wait_for "any key to start" 15; then
    echo "ok - reprint: the idle wipe ran"
else
    failures=$((failures + 1)); echo "not ok - reprint: the idle wipe did not run"; screen
fi
core=$(dump reprint-kept)
n=$(found "$core" 2>/dev/null)
rm -f "$core"
check "reprint: after the wipe the copy kept for staff is still there, the control ($n found)" \
    test "$n" -gt 0
# Nobody touches the kiosk: dump until the copy is gone (due 15 s after
# printing; given up after 45 s).
pid=$(kiosk_pid)
tries=0
while :; do
    # The same kiosk, still running: an exit would wipe everything too.
    kill -0 "$pid" 2>/dev/null && core=$(dump reprint-gone) || { n="the kiosk ended, none"; break; }
    n=$(found "$core" 2>/dev/null)
    rm -f "$core"
    { [ "$n" -eq 0 ] || [ "$tries" -ge 45 ]; } && break
    sleep 1
    tries=$((tries + 1))
done
check "reprint: the copy is zeroed once its five minutes are up, with nobody there ($n found)" \
    test "$n" = 0
expect "the kiosk still waits for the next patient" "any key to start"

# A crash the handler catches: the arena is zeroed, then the kiosk dies of
# the same signal (status 139), and leaves no core file.
start_patient
(cd "$work" && T display -p -t k '#{pane_current_path}' > pane_cwd)
kill -SEGV "$(kiosk_pid)"
# (The shell's "Segmentation fault" line may wrap "exit=139" over two rows:
# read the pane with wrapped lines joined.)
checks=$((checks + 1))
for _ in $(seq 50); do T capture-pane -p -J -t k | grep -qF "exit=139" && break; sleep 0.1; done
if T capture-pane -p -J -t k | grep -qF "exit=139"; then echo "ok - a crash ends the kiosk with the crash's own signal"; else
    failures=$((failures + 1)); echo "not ok - a crash ends the kiosk with the crash's own signal"; screen | sed 's/^/    | /'; fi
check "a crash leaves no core file" sh -c "! ls '$(cat "$work/pane_cwd")'/core* >/dev/null 2>&1"
finish
