#!/usr/bin/env bash
# The power-cut test at length: tools/lazyfs/tests/powercut.rs with YISHI_POWERCUTS cuts (default
# 500; the test command runs 100), in the debug build the test command uses. Writes the figures —
# cuts, acknowledged intents checked, lost (0, or the test fails and nothing is written), time — to
# docs/performance.md between <!-- powercut-bench --> and <!-- /powercut-bench --> (the section is
# added at the end if absent). YISHI_POWERCUT_SEED repeats a run's cut points.
# Needs FUSE (/dev/fuse; scripts/setup-system.sh installs fuse3).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
export YISHI_POWERCUTS="${YISHI_POWERCUTS:-500}"

# The yishi binary the test drives, beside lazyfs in the target dir.
cargo build --locked --bin yishi
cargo test --locked -p yishi-lazyfs --test powercut --no-run
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo test --locked -p yishi-lazyfs --test powercut -- --exact power_cuts_lose_no_acknowledged_intent --nocapture \
  | tee "$log"

commit="\`$(git rev-parse --short HEAD)\`"
[ -z "$(git status --porcelain -- src tools Cargo.toml Cargo.lock)" ] || commit="$commit with uncommitted changes"
python3 - "$log" "$commit" <<'PY'
import datetime, os, platform, re, sys

log, commit = open(sys.argv[1]).read(), sys.argv[2]
seed = re.search(r"^powercut: seed (\d+)", log, re.M).group(1)
m = re.search(r"^powercut: (\d+) cuts \((\d+) at an operation, (\d+) at a moment; (\d+) torn\) over (\d+) meetings, "
              r"(\d+) acknowledged intents checked, (\d+) lost, ([\d.]+) s$", log, re.M)
cuts, by_op, by_time, torn, meetings, acks, lost, secs = m.groups()
secs = float(secs)
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
body = f"""## Power cuts (lazyfs)

Written by `scripts/bench-powercut.sh`, which rewrites only the part of this file between its markers: the
power-cut test (`tools/lazyfs/tests/powercut.rs`) run long. The real `yishi apply --acks` (debug build) applies
`demo::long_meeting` on a data dir mounted through lazyfs (`tools/lazyfs`), a FUSE file system that keeps every
write in memory until its file is fsynced and every new name undoable until a directory is fsynced; the power is
cut after a random mutating operation (1–600 of them, about five per intent) or at a random moment (1–250 ms
after yishi starts), half the cuts torn (part of the unsynced data written back first, whole sectors), yishi is
killed, and the backing dir is opened as after a reboot (on a copy, so that the next run recovers the store
through lazyfs itself, where a cut can fall too).

- **Measured** {when} at commit {commit}; {os.cpu_count()} cores ({cpu}), kernel {platform.release()}.
- **Cuts** {cuts}: {by_op} after a chosen operation, {by_time} at a moment; {torn} of them torn; seed {seed}
  (`YISHI_POWERCUT_SEED` repeats the cut points).
- **Acknowledged intents checked** {acks} over {meetings} meetings; **lost: {lost}**. After every cut the chains
  verified with no break, and after the last one the meeting went on to its end.
- **Time** {secs:.0f} s, {secs / int(cuts):.2f} s a cut (mount, yishi's start and store open, the applies, the
  cut, the check of a copy of the store, which grows by a meeting every {int(cuts) / int(meetings):.0f} cuts).
"""
path = "docs/performance.md"
doc = open(path).read()
start, end = "<!-- powercut-bench -->", "<!-- /powercut-bench -->"
block = f"{start}\n{body}{end}"
if start in doc and end in doc:
    doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, doc, flags=re.S)
else:
    doc = doc.rstrip("\n") + "\n\n" + block + "\n"
open(path, "w").write(doc)
print(f"bench-powercut: {cuts} cuts, {acks} acks checked, {lost} lost, {secs:.0f} s -> {path}")
PY
