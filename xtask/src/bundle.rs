//! Building the widget SDK into `dist/`: a shared core plus one lazily fetched chunk per widget.
//!
//! The pipeline (decision and figures: `docs/decisions/0001-per-page-code.md`):
//! 1. `cargo build --release` of the widgets crate with its `split` feature, linked with
//!    relocations (`.cargo/config.toml`), so the split step can move functions between modules;
//! 2. `wasm_split_cli_support` cuts it at the `#[wasm_split]` points (one per widget) into the
//!    core module, one module per widget and modules shared by several widgets, plus the small
//!    ES module that fetches them on demand;
//! 3. `wasm-bindgen` generates the core's JS glue; `wasm-opt -Oz` shrinks every module;
//! 4. every file gets a content hash in its name ([`crate::sdk`]), is precompressed with brotli
//!    (`.br`, served as is by the server) and listed in `aftercare-manifest.json`;
//! 5. the loader `aftercare.js` is generated from its template with the core's names baked in.
//!
//! trunk is not used: it runs wasm-bindgen straight after cargo, and the split must happen
//! before wasm-bindgen (it needs the linker's relocations, which wasm-bindgen drops).
//! A fingerprint of every input is kept in `dist/`, so an unchanged tree rebuilds in no time.

use crate::proc::{run, Env, Result};
use crate::repo_root;
use crate::sdk::{self, Manifest};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const STAMP: &str = ".aftercare-build-stamp";

/// What a build produced.
#[derive(Debug, Clone)]
pub(crate) struct Bundle {
    /// The loader merchants link to.
    pub loader: PathBuf,
    /// Every file in `dist/` that belongs to the SDK, per widget.
    pub manifest: Manifest,
}

fn hash_tree(h: &mut DefaultHasher, path: &Path) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            hash_tree(h, &e);
        }
    } else if let Ok(bytes) = std::fs::read(path) {
        path.hash(h);
        bytes.hash(h);
    }
}

fn fingerprint() -> String {
    let root = repo_root();
    let mut h = DefaultHasher::new();
    for p in [
        "widgets",
        "shared/src",
        "shared/Cargo.toml",
        "Cargo.lock",
        "Cargo.toml",
        ".cargo/config.toml",
        "xtask/src/bundle.rs",
        "xtask/src/sdk.rs",
    ] {
        hash_tree(&mut h, &root.join(p));
    }
    format!("{:016x}", h.finish())
}

/// The loader template minus comment lines and indentation, with the core's names filled in.
pub(crate) fn render_loader(template: &str, glue: &str, wasm: &str, link: &str) -> String {
    let body: Vec<&str> = template
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    body.join("\n")
        .replace("__AFTERCARE_GLUE__", glue)
        .replace("__AFTERCARE_WASM__", wasm)
        .replace("__AFTERCARE_LINK__", link)
        + "\n"
}

/// The linked (not yet split) wasm that cargo writes.
fn cargo_wasm() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("wasm32-unknown-unknown/release/aftercare_widgets.wasm")
}

/// Split, bind and optimise into `work/`, then publish hashed files into `dist/`.
fn compile(env: &Env, dist: &Path) -> Result<Manifest> {
    let root = repo_root();
    run(env.cmd("cargo").args([
        "build",
        "--quiet",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "aftercare-widgets",
        "--features",
        "split",
    ]))?;
    let work = root.join("target/aftercare-sdk");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("bound"))
        .map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let input = std::fs::read(cargo_wasm()).map_err(|e| format!("cannot read the wasm: {e}"))?;
    println!("$ wasm-split (core + one chunk per widget)");
    let main = work.join("core.wasm");
    let split = wasm_split_cli_support::transform({
        let mut o = wasm_split_cli_support::Options::new(&input);
        o.output_dir = &work;
        o.main_out_path = &main;
        o.main_module = sdk::GLUE_PLACEHOLDER;
        o.link_name = sdk::LINK_PLACEHOLDER;
        o
    })
    .map_err(|e| format!("wasm-split failed: {e:#}"))?;
    run(env
        .cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--out-name",
            "core",
            "--out-dir",
        ])
        .arg(work.join("bound"))
        .arg(&main))?;
    let mut modules = vec![("core".to_owned(), work.join("bound/core_bg.wasm"))];
    for path in &split.split_modules {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a split module without a name")?;
        modules.push((stem.to_owned(), path.clone()));
    }
    for (name, path) in &modules {
        let out = work.join(format!("{name}.opt.wasm"));
        run(env
            .cmd("wasm-opt")
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(path)
            .arg("-o")
            .arg(&out))?;
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let glue = std::fs::read_to_string(work.join("bound/core.js"))
        .map_err(|e| format!("cannot read the glue: {e}"))?;
    let link = std::fs::read_to_string(work.join(sdk::LINK_PLACEHOLDER))
        .map_err(|e| format!("cannot read the split loader: {e}"))?;
    let mut wasm = Vec::new();
    for (name, _) in &modules {
        wasm.push((name.clone(), read(&work.join(format!("{name}.opt.wasm")))?));
    }
    let files = sdk::Inputs {
        glue,
        link,
        wasm,
        widgets: split.prefetch_map,
    };
    sdk::publish(dist, files)
}

/// Build the SDK unless `dist/` already matches the sources.
pub(crate) fn build(env: &Env) -> Result<Bundle> {
    let root = repo_root();
    let dist = root.join("dist");
    let print = fingerprint();
    let stamp = dist.join(STAMP);
    let previous = Manifest::read(&dist);
    let manifest = match previous {
        Some(m) if std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == print) => {
            println!("Widget SDK is up to date (dist/).");
            m
        }
        _ => {
            println!("Building the widget SDK (release, split per widget, wasm-opt -Oz)…");
            run(env.cmd("cargo").args(["fetch", "--quiet"]))?;
            let _ = std::fs::remove_dir_all(&dist);
            std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
            compile(env, &dist)?
        }
    };
    sdk::copy_gallery(&root.join("widgets/gallery"), &dist)?;
    let template = std::fs::read_to_string(root.join("widgets/loader/aftercare.js"))
        .map_err(|e| format!("cannot read the loader template: {e}"))?;
    let loader = dist.join("aftercare.js");
    sdk::write_with_br(
        &loader,
        render_loader(
            &template,
            &manifest.core_glue,
            &manifest.core_wasm,
            &manifest.core_link,
        )
        .as_bytes(),
    )?;
    std::fs::write(&stamp, print).map_err(|e| format!("cannot write the build stamp: {e}"))?;
    Ok(Bundle { loader, manifest })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loader_is_minified_and_filled_in() {
        let t = "// a comment\n  const g = '__AFTERCARE_GLUE__';\n\n    const w = \"__AFTERCARE_WASM__\"; // trailing stays\nl('__AFTERCARE_LINK__')\n";
        assert_eq!(
            render_loader(t, "a-1.js", "a-1_bg.wasm", "l-1.js"),
            "const g = 'a-1.js';\nconst w = \"a-1_bg.wasm\"; // trailing stays\nl('l-1.js')\n"
        );
    }
}
