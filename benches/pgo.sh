#!/usr/bin/env bash
# Regenerates the profile that release builds of warta are optimised with
# (assets/pgo/warta.profdata) and the tag in .cargo/config.toml that makes
# cargo rebuild everything when it changes. Run it after changing code on
# the load or filter paths (a release build then warns "function control
# flow change detected" for each function the profile no longer fits),
# and commit both files. See the README, "Profile-guided build".
#
# Needs an llvm-profdata that reads the raw profiles of rustc's LLVM (LLVM
# 19 or later: `apt-get install llvm-19`), or LLVM_PROFDATA set to one.
# LLVM 19's is tried first: it writes the profile in LLVM 19's format,
# meant for every rustc from 1.85 (LLVM 19, the crate's rust-version) on;
# only 1.95 (LLVM 22) was tried here.
# Takes about three minutes on two cores (2 min 50 s here): an instrumented
# build, a synthetic corpus of 10 000 articles, and the runs below.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

profdata=${LLVM_PROFDATA:-}
if [ -z "$profdata" ]; then
    for candidate in llvm-profdata-19 /usr/lib/llvm-19/bin/llvm-profdata \
        llvm-profdata-20 /usr/lib/llvm-20/bin/llvm-profdata \
        llvm-profdata-21 /usr/lib/llvm-21/bin/llvm-profdata \
        llvm-profdata-22 /usr/lib/llvm-22/bin/llvm-profdata; do
        if command -v "$candidate" >/dev/null 2>&1; then
            profdata=$(command -v "$candidate")
            break
        fi
    done
fi
if [ -z "$profdata" ]; then
    echo "pgo.sh: no llvm-profdata of LLVM 19 or later (apt-get install llvm-19, or set LLVM_PROFDATA)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
raw="$work/raw"

echo "== training corpus"
# Built on its own: an example brings in the dev-dependencies, whose
# features can change the dependencies' builds and so the symbol names
# the profile is keyed by.
cargo build --release --locked --example gen_corpus
target=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')
"$target/release/examples/gen_corpus" "$work/corpus" 10000 >/dev/null

echo "== instrumented build (profile-generate)"
# The wrapper must not add the old profile; RUSTFLAGS replaces the
# config's, which only tag the build (they change no symbol name).
WARTA_NO_PGO=1 RUSTFLAGS="-Cprofile-generate=$raw" \
    cargo build --release --locked --target-dir "$work/target" --bin warta
warta="$work/target/release/warta"
# Build scripts ran instrumented too: only the runs below count.
rm -rf "$raw"

echo "== training runs"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
# A first open, the keystrokes and the naive rescan, as `warta bench` does.
"$warta" bench "$work/corpus" --no-state >/dev/null
# The same with state: the first writes the snapshot and the entity cache,
# the second reopens from the snapshot.
"$warta" bench "$work/corpus" >/dev/null
"$warta" bench "$work/corpus" >/dev/null
# Articles as written by hand, and the seeds, through the other commands.
"$warta" entities tests/heldout --no-state --json >/dev/null 2>&1
"$warta" list tests/fixtures --no-state --json >/dev/null 2>&1
"$warta" entities --no-state >/dev/null
"$warta" find wismansyh "$work/corpus" --no-state >/dev/null
"$warta" show --no-state "$("$warta" list --no-state | head -n 1 | cut -d ' ' -f 1)" >/dev/null

echo "== merge"
# Sparse: functions no run reached are left out, so they are optimised as
# if there were no profile, not as cold code.
"$profdata" merge --sparse -o "$root/assets/pgo/warta.profdata" "$raw"
tag=$(sha256sum "$root/assets/pgo/warta.profdata" | cut -c1-16)
sed -i "s/warta_pgo_profile=\\\\\"[0-9a-f]*\\\\\"/warta_pgo_profile=\\\\\"$tag\\\\\"/" "$root/.cargo/config.toml"
grep -q "$tag" "$root/.cargo/config.toml" || {
    echo "pgo.sh: could not write the tag into .cargo/config.toml" >&2
    exit 1
}
echo "wrote assets/pgo/warta.profdata ($(wc -c <"$root/assets/pgo/warta.profdata") bytes, tag $tag)"
