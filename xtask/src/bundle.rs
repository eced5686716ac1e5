//! Building the widget bundle into `dist/`: trunk (cargo → wasm-bindgen → wasm-opt), then the
//! loader `aftercare.js` generated from its template with the hashed bundle names baked in.
//!
//! A fingerprint of every input is kept in `dist/`, so an unchanged tree rebuilds in no time.

use crate::proc::{run, Env, Result};
use crate::repo_root;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const STAMP: &str = ".aftercare-build-stamp";

/// What a build produced.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// The loader merchants link to.
    pub loader: PathBuf,
    /// wasm-bindgen's ES module glue.
    pub glue: PathBuf,
    /// The optimised wasm.
    pub wasm: PathBuf,
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
        "index.html",
        "Trunk.toml",
        "Cargo.lock",
        "Cargo.toml",
    ] {
        hash_tree(&mut h, &root.join(p));
    }
    format!("{:016x}", h.finish())
}

/// The loader template minus comment lines and indentation, with the bundle names filled in.
pub fn render_loader(template: &str, glue: &str, wasm: &str) -> String {
    let body: Vec<&str> = template
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    body.join("\n")
        .replace("__AFTERCARE_GLUE__", glue)
        .replace("__AFTERCARE_WASM__", wasm)
        + "\n"
}

fn find(dist: &Path, pred: impl Fn(&str) -> bool) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dist)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&pred))
        .collect();
    found.sort();
    found.pop()
}

fn locate(dist: &Path) -> Option<(PathBuf, PathBuf)> {
    let wasm = find(dist, |n| {
        n.starts_with("aftercare-widgets") && n.ends_with("_bg.wasm")
    })?;
    let glue = find(dist, |n| {
        n.starts_with("aftercare-widgets") && n.ends_with(".js") && !n.contains("_bg")
    })?;
    Some((glue, wasm))
}

/// Build the bundle unless `dist/` already matches the sources.
pub fn build(env: &Env) -> Result<Bundle> {
    let root = repo_root();
    let dist = root.join("dist");
    let print = fingerprint();
    let stamp = dist.join(STAMP);
    let up_to_date = std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == print)
        && locate(&dist).is_some()
        && dist.join("aftercare.js").exists();
    if up_to_date {
        println!("Widget bundle is up to date (dist/).");
    } else {
        println!("Building the widget bundle (release, wasm-opt -Oz)…");
        run(env.cmd("cargo").args(["fetch", "--quiet"]))?;
        run(env.cmd("trunk").args(["build", "--release", "--offline"]))?;
    }
    let (glue, wasm) = locate(&dist)
        .ok_or("trunk finished but dist/ has no aftercare-widgets-*.js / *_bg.wasm")?;
    let template = std::fs::read_to_string(root.join("widgets/loader/aftercare.js"))
        .map_err(|e| format!("cannot read the loader template: {e}"))?;
    let name = |p: &Path| p.file_name().expect("file").to_string_lossy().into_owned();
    let loader = dist.join("aftercare.js");
    std::fs::write(
        &loader,
        render_loader(&template, &name(&glue), &name(&wasm)),
    )
    .map_err(|e| format!("cannot write {}: {e}", loader.display()))?;
    std::fs::write(&stamp, print).map_err(|e| format!("cannot write the build stamp: {e}"))?;
    Ok(Bundle { loader, glue, wasm })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loader_is_minified_and_filled_in() {
        let t = "// a comment\n  const g = '__AFTERCARE_GLUE__';\n\n    const w = \"__AFTERCARE_WASM__\"; // trailing stays\n";
        assert_eq!(
            render_loader(t, "a-1.js", "a-1_bg.wasm"),
            "const g = 'a-1.js';\nconst w = \"a-1_bg.wasm\"; // trailing stays\n"
        );
    }
}
