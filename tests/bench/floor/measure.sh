#!/usr/bin/env bash
# What the smallest Leptos tracking page weighs, for the per-page budget decision
# (docs/decisions/0001-per-page-code.md). Run with: bash tests/bench/floor/measure.sh
# Needs the tools `cargo xtask demo` installs (wasm-bindgen, wasm-opt in node_modules, brotli).
# Prints bytes per variant: the optimized wasm and the JS glue, raw and brotli -q 11 (what the
# server's `.br` twins are made with).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
export CARGO_TARGET_DIR="$root/target/floor"
# Not the repository's `--emit-relocs` (.cargo/config.toml, kept there for the wasm split):
# a plain build, as a standalone Leptos app would be made.
export RUSTFLAGS="-C debuginfo=0"
wasm_opt="$root/node_modules/.bin/wasm-opt"
out="$CARGO_TARGET_DIR/out"
cd "$here"
cargo build --release --target wasm32-unknown-unknown -p floor-a -p floor-b -p floor-c -p floor-d
mkdir -p "$out"
printf "variant\twasm_raw\twasm_br\tglue_br\ttotal_br\n"
for v in a b c d; do
  crate="floor_${v}"
  rm -rf "$out/$v"
  wasm-bindgen --target web --out-dir "$out/$v" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/${crate}.wasm"
  "$wasm_opt" -Oz --strip-debug --strip-producers "$out/$v/${crate}_bg.wasm" -o "$out/$v/${crate}_opt.wasm"
  wraw=$(stat -c %s "$out/$v/${crate}_opt.wasm")
  wbr=$(brotli -q 11 -c "$out/$v/${crate}_opt.wasm" | wc -c)
  jbr=$(brotli -q 11 -c "$out/$v/${crate}.js" | wc -c)
  printf "%s\t%s\t%s\t%s\t%s\n" "$v" "$wraw" "$wbr" "$jbr" $((wbr + jbr))
done
