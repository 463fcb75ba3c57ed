#!/bin/sh
# crash.sh: a stand-in printer killed by a signal (SIGTERM, 15).
kill -TERM $$
sleep 5
