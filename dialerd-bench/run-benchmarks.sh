#!/usr/bin/env bash
# Runs every load scenario of docs/benchmarks.md in sequence and prints a Markdown table
# (scenario, result, target, met?). Builds nothing: run `./mvnw -q -B package -DskipTests` first.
# Each scenario starts its own dialerd (java -Xmx1g -jar dialerd.jar, embedded MariaDB with the
# demo data, the tool's simulator as Asterisk), so no run inherits another's warm JIT or heap.
# The full output of every run goes to $WORK/run-benchmarks.log. About 10-12 minutes.
#
#   dialerd-bench/run-benchmarks.sh            # all scenarios
#   SCENARIOS="status-1 events" dialerd-bench/run-benchmarks.sh   # some of them
#   REPORT_ONLY=1 dialerd-bench/run-benchmarks.sh   # the table again from the last results in $WORK
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=dialerd-bench/target/dialerd-bench-0.1.0-SNAPSHOT.jar
DIALERD=dialerd-server/target/dialerd.jar
WORK=${WORK:-/var/tmp/dialerd-bench}
SECONDS_STEADY=${SECONDS_STEADY:-10}
WARMUP=${WARMUP:-5}
# The event scenarios measure after 30 s: with 5 s the JIT compiler threads still took 38 % of
# dialerd's CPU per call in the measured window (docs/benchmarks.md, issue 9's targets).
EVENTS_WARMUP=${EVENTS_WARMUP:-30}
EVENTS_SECONDS=${EVENTS_SECONDS:-20}
TOOL_OPTS=${TOOL_OPTS:--Xmx2g}
DIALERD_OPTS=${DIALERD_OPTS:--Xmx1g}
SCENARIOS=${SCENARIOS:-"status-1 status-8 pipelined status-10k status-10k-rt status-10k-lean idle-1000 idle-10000 campaignlist campaigninfo callinfo pauses campaignstatus queuestatus activity queuelist queuescript agentqueues queuewait mix events cds status-1-cold events-zgc status-1-lean campaignlist-lean campaigninfo-lean warmup-ab originate"}
for jar in "$BENCH" "$DIALERD"; do
  [ -f "$jar" ] || { echo "missing $jar: run ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
done
mkdir -p "$WORK"
LOG=$WORK/run-benchmarks.log
[ -n "${REPORT_ONLY:-}" ] || : > "$LOG"
# 10,000 sessions are 10,000 sockets in the tool and as many in dialerd (plus MariaDB's).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
FD_LIMIT=$(ulimit -n)

# run LABEL [load options...]: one scenario; its RESULT line is kept in $WORK/LABEL.result.
run() {
  local label=$1; shift
  if [ -n "${REPORT_ONLY:-}" ]; then return 0; fi
  echo "== $label: $*" >> "$LOG"
  java $TOOL_OPTS -jar "$BENCH" --dialerd-jar "$DIALERD" --work-dir "$WORK" --label "$label" \
       --warmup "$WARMUP" --seconds "$SECONDS_STEADY" "$@" >> "$LOG" 2>&1 || echo "RESULT label=$label failed=1" >> "$LOG"
  grep "^RESULT label=$label " "$LOG" | tail -1 > "$WORK/$label.result" || echo "RESULT label=$label failed=1" > "$WORK/$label.result"
}
# field LABEL KEY: a value of that scenario's RESULT line (empty when absent).
field() {
  [ -f "$WORK/$1.result" ] || return 0
  awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) { print substr($i, length(k) + 2); exit } }' \
      "$WORK/$1.result"
}
ge() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "yes" : "**no**" }'; }
lt() { awk -v a="${1:-999999}" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? "yes" : "**no**" }'; }
num() { awk -v a="${1:-0}" 'BEGIN { printf "%\047.0f", a }'; }
wanted() { [[ " $SCENARIOS " == *" $1 "* ]]; }
failed() { [ -n "$(field "$1" failed)" ]; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); }
rate_row() { # LABEL TEXT TARGET_RATE TARGET_TEXT
  if failed "$1"; then row "$2" "run failed (see $LOG)" "$4" "**no**"; return; fi
  row "$2" "$(num "$(field "$1" steady_rate)") req/s, p50 $(field "$1" steady_p50) ms, p99 $(field "$1" steady_p99) ms, failures $(field "$1" failures)" \
      "$4" "$(ge "$(field "$1" steady_rate)" "$3")"
}

START=$(date +%s)
# The first start in a fresh $WORK installs the embedded MariaDB's data (seconds): done once here,
# unreported, so it is not charged to the first scenario's start (status-1's warm-up row).
if [ -z "${REPORT_ONLY:-}" ] && [ ! -d "$WORK/data" ]; then
  run prime --sessions 1 --mix getagentstatus --warmup 0 --seconds 1
fi
wanted status-1 && run status-1 --sessions 1 --mix getagentstatus
# The same request/response measures with the lean client (raw socket, counts bytes, no XML parsing):
# dialerd's share of the round trip without the client library's parsing.
wanted status-1-lean && run status-1-lean --sessions 1 --mix getagentstatus --client lean
wanted campaignlist-lean && run campaignlist-lean --sessions 1 --mix getcampaignlist --client lean
wanted campaigninfo-lean && run campaigninfo-lean --sessions 1 --mix getcampaigninfo --client lean
# The warm-up's worth, three starts each way in turn (one run each is noise), lean client so the
# tool's own cold JIT does not set the first seconds: median first-5-s rate and start time.
if wanted warmup-ab; then
  for i in 1 2 3; do
    run "ab-cold-$i" --sessions 1 --mix getagentstatus --client lean --warmup-requests 0 --seconds 2
    run "ab-warm-$i" --sessions 1 --mix getagentstatus --client lean --seconds 2
  done
fi
# The same without dialerd's start-up warm-up (eccp.warmup_requests = 0): what the warm-up buys.
wanted status-1-cold && run status-1-cold --sessions 1 --mix getagentstatus --warmup-requests 0
wanted status-8 && run status-8 --sessions 8 --mix getagentstatus
wanted pipelined && run pipelined --sessions 1 --pipeline 100 --mix getagentstatus
wanted status-10k && run status-10k --sessions 8 --rate 10000 --mix getagentstatus
# The same open loop with the tool's sender at real-time priority (chrt, root; the lean client's readers too):
# the tool's own waits for a core apart from dialerd's latency; then also with the lean client.
wanted status-10k-rt && run status-10k-rt --sessions 8 --rate 10000 --mix getagentstatus --tool-priority realtime
wanted status-10k-lean && run status-10k-lean --sessions 8 --rate 10000 --mix getagentstatus --client lean \
  --tool-priority realtime
wanted idle-1000 && run idle-1000 --sessions 1 --idle 1000 --mix getagentstatus
if wanted idle-10000; then
  if [ "$FD_LIMIT" -lt 12000 ]; then
    echo "RESULT label=idle-10000 failed=1 fd_limit=$FD_LIMIT" > "$WORK/idle-10000.result"
    echo "idle-10000 skipped: open files limit $FD_LIMIT < 12000 (raise it: ulimit -n 65536, or LimitNOFILE)" >> "$LOG"
  else
    run idle-10000 --sessions 1 --idle 10000 --mix getagentstatus
  fi
fi
wanted campaignlist && run campaignlist --sessions 1 --mix getcampaignlist
wanted campaigninfo && run campaigninfo --sessions 1 --mix getcampaigninfo
# The other database-backed requests of issue 9, one connection each (no reference figure to compare).
wanted callinfo && run callinfo --sessions 1 --mix getcallinfo
wanted pauses && run pauses --sessions 1 --mix getpauses
wanted campaignstatus && run campaignstatus --sessions 1 --mix getcampaignstatus
wanted queuestatus && run queuestatus --sessions 1 --mix getincomingqueuestatus
wanted activity && run activity --sessions 1 --mix getagentactivitysummary
wanted queuelist && run queuelist --sessions 1 --mix getincomingqueuelist
wanted queuescript && run queuescript --sessions 1 --mix getqueuescript
wanted agentqueues && run agentqueues --sessions 1 --mix getagentqueues
wanted queuewait && run queuewait --sessions 1 --mix getcampaignqueuewait
wanted mix && run mix --sessions 8 --rate 2000 \
  --mix getagentstatus:4,getcampaigninfo,getcallinfo,getpauses,getcampaignstatus,getagentactivitysummary,getcampaignlist
wanted events && run events --sessions 0 --filtered 2000 --calls 200 --monitors 4 --warmup "$EVENTS_WARMUP" --seconds "$EVENTS_SECONDS"
# The same with ZGC (sub-millisecond pauses, concurrent work on the same 2 cores) instead of G1:
# whether dialerd's unit should run it. JDK 17's ZGC reports no pauses to the tool's probe.
wanted events-zgc && run events-zgc --sessions 0 --filtered 2000 --calls 200 --monitors 4 --warmup "$EVENTS_WARMUP" --seconds "$EVENTS_SECONDS" \
  --jvm "$DIALERD_OPTS -XX:+UseZGC"
# dialerd's own dialer: 300 dynamic agents, a progressive campaign of 30,000 numbers (90 % busy at
# once, 10 % answer for 2 s of talk), dialer.entretiempo 1 s; the accounting is checked afterwards.
wanted originate && run originate --sessions 0 --originate 300 --numbers 30000 --answer-pct 10 --entretiempo 1
if wanted cds; then
  # AppCDS: a training run dumps the classes dialerd loaded into a dynamic archive at exit,
  # then the same scenario starts from it. Compared with status-1's warm-up (no archive).
  rm -f "$WORK/dialerd.jsa"
  run cds-training --sessions 1 --mix getagentstatus --jvm "$DIALERD_OPTS -XX:ArchiveClassesAtExit=$WORK/dialerd.jsa"
  run cds --sessions 1 --mix getagentstatus --jvm "$DIALERD_OPTS -XX:SharedArchiveFile=$WORK/dialerd.jsa"
fi

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), dialerd $DIALERD_OPTS;" \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - START )) s in total."
echo
echo "| scenario | result | target | met? |"
echo "|---|---|---|---|"
wanted status-1 && rate_row status-1 "getagentstatus, 1 connection" 10770 "≥ 10,770 req/s (10× 1,077)"
wanted status-8 && rate_row status-8 "getagentstatus, 8 connections" 21010 "≥ 21,010 req/s (10× 2,101)"
wanted pipelined && rate_row pipelined "getagentstatus pipelined ×100, 1 connection" 50000 "≥ 50,000 req/s"
if wanted status-10k; then
  if failed status-10k; then row "getagentstatus at 10,000 req/s" "run failed" "p99 < 2 ms" "**no**"; else
  row "getagentstatus at 10,000 req/s (open loop, 8 connections)" \
      "$(num "$(field status-10k steady_rate)") req/s, p50 $(field status-10k steady_p50) ms, p99 $(field status-10k steady_p99) ms, p99.9 $(field status-10k steady_p999) ms; the tool's sender late p99 $(field status-10k late_p99) ms, from the send p99 $(field status-10k sent_p99) ms" \
      "p99 < 2 ms" "$(lt "$(field status-10k steady_p99)" 2)"; fi
fi
# open_row LABEL TEXT: an open-loop row with the tool's lateness and dialerd's per-request costs.
open_row() {
  if failed "$1"; then row "$2" "run failed (see $LOG)" "p99 < 2 ms" "**no**"; return; fi
  row "$2" "$(num "$(field "$1" steady_rate)") req/s, p50 $(field "$1" steady_p50) ms, p99 $(field "$1" steady_p99) ms, p99.9 $(field "$1" steady_p999) ms; sender late p99 $(field "$1" late_p99) ms, from the send p99 $(field "$1" sent_p99) ms; per request dialerd $(field "$1" dialerd_cpu_us) µs CPU, $(field "$1" dialerd_cs) context switches, $(field "$1" dialerd_writes) writes; tool $(field "$1" tool_cpu_us) µs CPU" \
      "p99 < 2 ms" "$(lt "$(field "$1" steady_p99)" 2)"
}
wanted status-10k-rt && open_row status-10k-rt "getagentstatus at 10,000 req/s, 8 connections, the tool's sender SCHED_FIFO"
wanted status-10k-lean && open_row status-10k-lean "getagentstatus at 10,000 req/s, 8 connections, lean client, sender and readers SCHED_FIFO"
wanted idle-1000 && rate_row idle-1000 "getagentstatus, 1 connection, 1,000 idle sessions" 3390 "≥ 3,390 req/s (10× 339)"
if wanted idle-10000; then
  if failed idle-10000; then row "10,000 idle sessions, -Xmx1g" "run failed or skipped (see $LOG)" "no throughput loss" "**no**"; else
  base=$(field status-1 steady_rate)
  row "getagentstatus, 1 connection, 10,000 idle sessions, dialerd -Xmx1g" \
      "$(num "$(field idle-10000 steady_rate)") req/s, p99 $(field idle-10000 steady_p99) ms; $(field idle-10000 open_after) of $(field idle-10000 sessions) sessions open at the end; heap after GC $(field idle-10000 heap_sessions_mib) MiB with the sessions" \
      "≥ 90 % of 1 connection ($(num "$(awk -v b="${base:-0}" 'BEGIN{print b*0.9}')") req/s)" \
      "$(ge "$(field idle-10000 steady_rate)" "$(awk -v b="${base:-0}" 'BEGIN{print b*0.9}')")"; fi
fi
wanted campaignlist && rate_row campaignlist "getcampaignlist, 1 connection" 13170 "≥ 13,170 req/s (10× 1,317)"
wanted campaigninfo && rate_row campaigninfo "getcampaigninfo, 1 connection" 7580 "≥ 7,580 req/s (10× 758)"
for one in "callinfo getcallinfo" "pauses getpauses" "campaignstatus getcampaignstatus" \
           "queuestatus getincomingqueuestatus" "activity getagentactivitysummary" \
           "queuelist getincomingqueuelist" "queuescript getqueuescript" \
           "agentqueues getagentqueues" "queuewait getcampaignqueuewait"; do
  set -- $one
  if wanted "$1"; then
    if failed "$1"; then row "$2, 1 connection" "run failed" "(no reference figure)" "–"; else
    row "$2, 1 connection" \
        "$(num "$(field "$1" steady_rate)") req/s, p50 $(field "$1" steady_p50) ms, p99 $(field "$1" steady_p99) ms, failures $(field "$1" failures)" \
        "(no reference figure)" "–"; fi
  fi
done
if wanted mix; then
  row "console mix at 2,000 req/s (open loop, 8 connections)" \
      "$(num "$(field mix steady_rate)") req/s, p50 $(field mix steady_p50) ms, p99 $(field mix steady_p99) ms, failures $(field mix failures)" \
      "(no target)" "–"
fi
if wanted events; then
  if failed events; then row "AMI event → ECCP event" "run failed" "p99 < 5 ms" "**no**"; else
  row "AMI QueueCallerJoin → ECCP callprogress, 2,000 filtered sessions, 200 calls/s, after ${EVENTS_WARMUP} s" \
      "p50 $(field events ev_steady_p50) ms, p99 $(field events ev_steady_p99) ms, max $(field events ev_steady_max) ms; $(field events ev_delivered) of $(field events ev_expected) events; $(field events calls) calls" \
      "p99 < 5 ms" "$(lt "$(field events ev_steady_p99)" 5)"; fi
fi
if wanted events-zgc; then
  if failed events-zgc; then row "AMI event → ECCP event, ZGC" "run failed" "p99 < 5 ms" "**no**"; else
  row "AMI QueueCallerJoin → ECCP callprogress, 2,000 filtered sessions, 200 calls/s, after ${EVENTS_WARMUP} s, dialerd with -XX:+UseZGC" \
      "p50 $(field events-zgc ev_steady_p50) ms, p99 $(field events-zgc ev_steady_p99) ms, max $(field events-zgc ev_steady_max) ms; $(field events-zgc ev_delivered) of $(field events-zgc ev_expected) events; dialerd CPU $(field events-zgc cpu_cores) cores (G1: $(field events cpu_cores))" \
      "p99 < 5 ms" "$(lt "$(field events-zgc ev_steady_p99)" 5)"; fi
fi
if wanted status-1; then
  row "first $WARMUP s after start (after dialerd's warm-up), getagentstatus, 1 connection" \
      "$(num "$(field status-1 warmup_rate)") req/s, p99 $(field status-1 warmup_p99) ms (steady $(num "$(field status-1 steady_rate)") req/s)" \
      "≥ ½ of the steady state" "$(ge "$(field status-1 warmup_rate)" "$(awk -v b="$(field status-1 steady_rate)" 'BEGIN{print b/2}')")"
fi
if wanted status-1-cold; then
  row "first $WARMUP s after start without the warm-up (eccp.warmup_requests = 0), getagentstatus, 1 connection" \
      "$(num "$(field status-1-cold warmup_rate)") req/s, p99 $(field status-1-cold warmup_p99) ms (steady $(num "$(field status-1-cold steady_rate)") req/s); dialerd listening $(field status-1-cold start_s) s after launch (with it: $(field status-1 start_s) s)" \
      "≥ ½ of the steady state" "$(ge "$(field status-1-cold warmup_rate)" "$(awk -v b="$(field status-1-cold steady_rate)" 'BEGIN{print b/2}')")"
fi
if wanted cds; then
  row "first $WARMUP s after start with AppCDS (-XX:SharedArchiveFile)" \
      "$(num "$(field cds warmup_rate)") req/s, p99 $(field cds warmup_p99) ms (steady $(num "$(field cds steady_rate)") req/s); dialerd listening $(field cds start_s) s after launch (without: $(field status-1 start_s) s)" \
      "≥ ½ of the steady state" "$(ge "$(field cds warmup_rate)" "$(awk -v b="$(field cds steady_rate)" 'BEGIN{print b/2}')")"
fi
if wanted originate; then
  if failed originate; then row "≥ 200 originates/s with the simulator, no call lost" "run failed (see $LOG)" "≥ 200/s, accounting clean" "**no**"; else
  met=$(ge "$(field originate originate_rate)" 200)
  [ "$(field originate accounting)" = clean ] || met="**no**"
  row "dialerd's dialer, 300 agents, progressive campaign (90 % busy, 10 % answer), originates/s from the simulator" \
      "$(field originate originate_rate)/s (slowest second $(field originate originate_min_s)); $(field originate originates) originates, $(field originate attempted) calls rows attempted, lost $(field originate lost), dialled twice $(field originate twice), accounting $(field originate accounting); CPU per originate: dialerd $(field originate cpu_ms_per_originate) ms, MariaDB $(field originate db_cpu_ms_per_originate) ms" \
      "≥ 200/s, accounting clean" "$met"; fi
fi
# lean_row LABEL TEXT TARGET_RATE TARGET_TEXT: a rate row with the per-request costs (not load-dependent).
lean_row() {
  if failed "$1"; then row "$2" "run failed (see $LOG)" "$4" "**no**"; return; fi
  row "$2" "$(num "$(field "$1" steady_rate)") req/s, p50 $(field "$1" steady_p50) ms, p99 $(field "$1" steady_p99) ms; per request dialerd $(field "$1" dialerd_cpu_us) µs CPU, $(field "$1" dialerd_cs) context switches, $(field "$1" dialerd_alloc_b) bytes; lean client $(field "$1" tool_cpu_us) µs CPU" \
      "$4" "$(ge "$(field "$1" steady_rate)" "$3")"
}
wanted status-1-lean && lean_row status-1-lean "getagentstatus, 1 connection, lean client" 10770 "≥ 10,770 req/s (10× 1,077)"
wanted campaignlist-lean && lean_row campaignlist-lean "getcampaignlist, 1 connection, lean client" 13170 "≥ 13,170 req/s (10× 1,317)"
wanted campaigninfo-lean && lean_row campaigninfo-lean "getcampaigninfo, 1 connection, lean client" 7580 "≥ 7,580 req/s (10× 758)"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : "") }'; }
if wanted warmup-ab; then
  cold_rate=$(for i in 1 2 3; do field "ab-cold-$i" warmup_rate; done | median)
  warm_rate=$(for i in 1 2 3; do field "ab-warm-$i" warmup_rate; done | median)
  cold_start=$(for i in 1 2 3; do field "ab-cold-$i" start_s; done | median)
  warm_start=$(for i in 1 2 3; do field "ab-warm-$i" start_s; done | median)
  row "first $WARMUP s after start, lean client, median of 3 starts each: with dialerd's warm-up / without" \
      "$(num "$warm_rate") / $(num "$cold_rate") req/s; dialerd listening $warm_start / $cold_start s after launch" \
      "the warm-up's worth" "–"
fi
printf '%s\n' "${ROWS[@]}"
