//! Publishing the split SDK: content-hashed names, rewritten references, brotli twins and the
//! manifest that says which files each widget needs.
//!
//! Names: every wasm module is `aftercare-<what>-<16 hex of its bytes>.wasm`. The core's JS glue
//! and the split loader import each other, so they share one build id (a hash over every
//! output) rather than each other's hash: `aftercare-core-<id>.js`, `aftercare-link-<id>.js`.
//! The server serves any `-<16 hex>` name as immutable (`server/src/http/static_files.rs`).

use crate::proc::Result;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

/// The module path the split loader imports the glue from, before hashing.
pub(crate) const GLUE_PLACEHOLDER: &str = "./core.js";
/// The module path the core wasm imports the split loader from, before hashing.
pub(crate) const LINK_PLACEHOLDER: &str = "./__wasm_split.js";
/// The manifest's file name in `dist/`.
pub(crate) const MANIFEST: &str = "aftercare-manifest.json";

/// What the split step and wasm-bindgen produced, still under their working names.
pub(crate) struct Inputs {
    /// wasm-bindgen's ES module for the core.
    pub glue: String,
    /// The split loader (fetches and instantiates the widget modules).
    pub link: String,
    /// `core` and every split module by its working name (`split_tracking`, `chunk_5`, …).
    pub wasm: Vec<(String, Vec<u8>)>,
    /// Split name (`tracking`) → the working names of the modules it needs, in load order.
    pub widgets: HashMap<String, Vec<String>>,
}

/// Which published files make up the core and each widget (read by the bench and the tests).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Manifest {
    /// The core's JS glue (the loader imports it).
    pub core_glue: String,
    /// The core's wasm.
    pub core_wasm: String,
    /// The split loader module (imported by the glue).
    pub core_link: String,
    /// Element name (`aftercare-tracking`) → the wasm files only that widget kind adds.
    pub widgets: BTreeMap<String, Vec<String>>,
    /// Language (`es`, `pt_br`) → the wasm files an element in that language adds (English
    /// is in the core).
    pub languages: BTreeMap<String, Vec<String>>,
}

impl Manifest {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "loader": "aftercare.js",
            "core": [self.core_glue, self.core_link, self.core_wasm],
            "core_glue": self.core_glue,
            "core_wasm": self.core_wasm,
            "core_link": self.core_link,
            "widgets": self.widgets,
            "languages": self.languages,
        })
    }

    /// The manifest a previous build left in `dist/`, if its files are all still there.
    pub(crate) fn read(dist: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(dist.join(MANIFEST)).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        let s = |k: &str| v.get(k)?.as_str().map(str::to_owned);
        let map = |k: &str| {
            v.get(k)?
                .as_object()?
                .iter()
                .map(|(k, files)| {
                    let files = files
                        .as_array()?
                        .iter()
                        .map(|f| f.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()?;
                    Some((k.clone(), files))
                })
                .collect::<Option<BTreeMap<_, _>>>()
        };
        let m = Manifest {
            core_glue: s("core_glue")?,
            core_wasm: s("core_wasm")?,
            core_link: s("core_link")?,
            widgets: map("widgets")?,
            languages: map("languages")?,
        };
        m.all_files()
            .iter()
            .all(|f| dist.join(f).is_file())
            .then_some(m)
    }

    /// Every published SDK file except the loader.
    pub(crate) fn all_files(&self) -> Vec<String> {
        let mut all = vec![
            self.core_glue.clone(),
            self.core_link.clone(),
            self.core_wasm.clone(),
        ];
        for files in self.widgets.values().chain(self.languages.values()) {
            for f in files {
                if !all.contains(f) {
                    all.push(f.clone());
                }
            }
        }
        all
    }
}

/// FNV-1a, 64 bits: stable across Rust versions (names must not change between toolchains).
pub(crate) fn content_hash(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Write `bytes` and, when it is smaller, its brotli (quality 11) twin `<name>.br`.
pub(crate) fn write_with_br(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let br = brotli_bytes(bytes)?;
    let twin = path.with_file_name(format!(
        "{}.br",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
    ));
    if br.len() < bytes.len() {
        std::fs::write(&twin, br).map_err(|e| format!("cannot write {}: {e}", twin.display()))
    } else {
        let _ = std::fs::remove_file(&twin);
        Ok(())
    }
}

/// Brotli at the highest quality (what a shopper's browser receives from `/sdk/`).
pub(crate) fn brotli_bytes(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        w.write_all(bytes)
            .map_err(|e| format!("brotli failed: {e}"))?;
    }
    Ok(out)
}

/// The split points whose name starts with this are languages, not widgets.
const LANGUAGE_PREFIX: &str = "lang_";

/// The published name of a split module: `split_tracking` → `aftercare-tracking-<hash>.wasm`,
/// `split_lang_pt_br` → `aftercare-lang-pt-br-<hash>.wasm`, `chunk_5` (code several widgets
/// share) → `aftercare-shared-<hash>.wasm`.
fn published_wasm_name(working: &str, bytes: &[u8]) -> String {
    let what = match working.strip_prefix("split_") {
        Some(split) => split.replace('_', "-"),
        None if working == "core" => "core".into(),
        None => "shared".into(),
    };
    format!("aftercare-{what}-{}.wasm", content_hash(&[bytes]))
}

/// Hash, rename, rewrite references, precompress and write everything into `dist`.
pub(crate) fn publish(dist: &Path, inputs: Inputs) -> Result<Manifest> {
    let mut names: HashMap<String, String> = HashMap::new();
    for (working, bytes) in &inputs.wasm {
        names.insert(working.clone(), published_wasm_name(working, bytes));
    }
    let core_wasm = names
        .get("core")
        .cloned()
        .ok_or("the split produced no core module")?;
    let mut widgets = BTreeMap::new();
    let mut languages = BTreeMap::new();
    for (split, needs) in &inputs.widgets {
        let files = needs
            .iter()
            .map(|w| {
                names
                    .get(w)
                    .cloned()
                    .ok_or_else(|| format!("the split loader names an unknown module {w}"))
            })
            .collect::<Result<Vec<_>>>()?;
        match split.strip_prefix(LANGUAGE_PREFIX) {
            Some(language) => languages.insert(language.to_owned(), files),
            None => widgets.insert(format!("aftercare-{split}"), files),
        };
    }
    // Both JS modules in their final form except for each other's name; their shared id is
    // the hash of exactly that, so any change to what they say changes both names.
    let mut link = inputs.link.clone();
    for (working, published) in &names {
        link = link.replace(
            &format!("\"./{working}.wasm\""),
            &format!("\"./{published}\""),
        );
    }
    let link = add_prefetch(&link, &widgets)?;
    let glue = inputs
        .glue
        .replace("'core_bg.wasm'", &format!("'{core_wasm}'"));
    let id = content_hash(&[glue.as_bytes(), link.as_bytes()]);
    let core_glue = format!("aftercare-core-{id}.js");
    let core_link = format!("aftercare-link-{id}.js");
    let glue = point_glue_at_link(&glue, &core_link)?;
    let glue_import = format!("from \"{GLUE_PLACEHOLDER}\"");
    if !link.contains(&glue_import) {
        return Err(format!(
            "the split loader does not import {GLUE_PLACEHOLDER}"
        ));
    }
    let link = link.replace(&glue_import, &format!("from \"./{core_glue}\""));

    write_with_br(&dist.join(&core_glue), glue.as_bytes())?;
    write_with_br(&dist.join(&core_link), link.as_bytes())?;
    for (working, bytes) in &inputs.wasm {
        write_with_br(&dist.join(&names[working]), bytes)?;
    }
    let manifest = Manifest {
        core_glue,
        core_wasm,
        core_link,
        widgets,
        languages,
    };
    let json = serde_json::to_string_pretty(&manifest.to_json())
        .map_err(|e| format!("cannot encode the manifest: {e}"))?;
    std::fs::write(dist.join(MANIFEST), json)
        .map_err(|e| format!("cannot write the manifest: {e}"))?;
    Ok(manifest)
}

/// Let the loader start a widget kind's downloads before the core is even running: the split
/// loader's fetches go through a one-shot cache that `prefetch(tag)` fills. A prefetched
/// response is handed to the first (and only) instantiation; a file the split loader already
/// asked for is never prefetched again (its module is loaded, or loading); a failed prefetch
/// is not kept, so "Try again" fetches afresh.
fn add_prefetch(link: &str, widgets: &BTreeMap<String, Vec<String>>) -> Result<String> {
    const FETCH: &str = "fetch(new URL(";
    if !link.contains(FETCH) {
        return Err(
            "the split loader no longer fetches with `fetch(new URL(`: update sdk.rs".into(),
        );
    }
    let map = serde_json::to_string(widgets).map_err(|e| e.to_string())?;
    Ok(format!(
        "const __ac_pre = new Map();\n\
         const __ac_used = new Set();\n\
         const __ac_get = (u) => {{ u = String(u); __ac_used.add(u); const p = __ac_pre.get(u) || fetch(u); __ac_pre.delete(u); return p; }};\n\
         const __ac_files = {map};\n\
         export function prefetch(tag) {{\n\
         \x20   for (const f of __ac_files[tag] || []) {{\n\
         \x20       const u = String(new URL(\"./\" + f, import.meta.url));\n\
         \x20       if (__ac_pre.has(u) || __ac_used.has(u)) continue;\n\
         \x20       const p = fetch(u);\n\
         \x20       p.catch(() => __ac_pre.delete(u));\n\
         \x20       __ac_pre.set(u, p);\n\
         \x20   }}\n\
         }}\n{}",
        link.replace(FETCH, "__ac_get(new URL(")
    ))
}

/// Point the glue's import of the split loader at its published name (only the `from`
/// specifier: the import object's key must keep matching the module name inside the wasm).
fn point_glue_at_link(glue: &str, link: &str) -> Result<String> {
    let from = format!("from \"{LINK_PLACEHOLDER}\"");
    if !glue.contains(&from) {
        return Err(format!(
            "the core glue does not import {LINK_PLACEHOLDER}: did the split find no widget?"
        ));
    }
    Ok(glue.replace(&from, &format!("from \"./{link}\"")))
}

/// Copy the development gallery (`widgets/gallery/`) next to the SDK.
pub(crate) fn copy_gallery(src: &Path, dist: &Path) -> Result<()> {
    for entry in
        std::fs::read_dir(src).map_err(|e| format!("cannot read {}: {e}", src.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            let name = path.file_name().ok_or("gallery file without a name")?;
            std::fs::copy(&path, dist.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_sixteen_hex_digits() {
        assert_eq!(content_hash(&[b"abc"]), content_hash(&[b"abc"]));
        assert_ne!(content_hash(&[b"ab", b"c"]), content_hash(&[b"a", b"bc"]));
        let h = content_hash(&[b""]);
        assert_eq!(h.len(), 16);
        assert!(h.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn modules_are_named_by_widget_and_content() {
        let n = published_wasm_name("split_tracking", b"x");
        assert!(n.starts_with("aftercare-tracking-") && n.ends_with(".wasm"));
        assert!(published_wasm_name("chunk_5", b"x").starts_with("aftercare-shared-"));
        assert!(published_wasm_name("core", b"x").starts_with("aftercare-core-"));
    }

    #[test]
    fn publish_rewrites_every_reference() {
        let dir = std::env::temp_dir().join(format!("aftercare-sdk-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let glue = format!(
            "import * as import1 from \"{LINK_PLACEHOLDER}\"\nconst i = {{\"{LINK_PLACEHOLDER}\": import1}};\nnew URL('core_bg.wasm', import.meta.url);\n"
        );
        let link = format!(
            "import {{ initSync }} from \"{GLUE_PLACEHOLDER}\";\nfetch(new URL(\"./chunk_5.wasm\", import.meta.url));\nfetch(new URL(\"./split_nps.wasm\", import.meta.url));\nfetch(new URL(\"./split_lang_pt_br.wasm\", import.meta.url));\n"
        );
        let inputs = Inputs {
            glue,
            link,
            wasm: vec![
                ("core".into(), b"core".to_vec()),
                ("chunk_5".into(), b"shared".to_vec()),
                ("split_nps".into(), b"nps".to_vec()),
                ("split_lang_pt_br".into(), b"pt".to_vec()),
            ],
            widgets: HashMap::from([
                ("nps".into(), vec!["chunk_5".into(), "split_nps".into()]),
                ("lang_pt_br".into(), vec!["split_lang_pt_br".into()]),
            ]),
        };
        let m = publish(&dir, inputs).unwrap();
        let glue = std::fs::read_to_string(dir.join(&m.core_glue)).unwrap();
        assert!(glue.contains(&format!("from \"./{}\"", m.core_link)));
        assert!(
            glue.contains(&format!("\"{LINK_PLACEHOLDER}\": import1")),
            "key kept"
        );
        assert!(glue.contains(&m.core_wasm));
        let link = std::fs::read_to_string(dir.join(&m.core_link)).unwrap();
        assert!(link.contains(&format!("from \"./{}\"", m.core_glue)));
        assert!(link.contains("export function prefetch(tag)"));
        assert!(
            !link.contains("fetch(new URL("),
            "every fetch goes through the prefetch cache"
        );
        let nps = &m.widgets["aftercare-nps"];
        assert_eq!(nps.len(), 2);
        for f in nps {
            assert!(link.contains(f.as_str()), "{f} referenced");
            assert!(dir.join(f).is_file());
        }
        // A language is not a widget: listed apart, and never prefetched for an element.
        assert_eq!(m.widgets.len(), 1);
        let pt = &m.languages["pt_br"];
        assert!(pt[0].starts_with("aftercare-lang-pt-br-"), "{pt:?}");
        assert!(link.contains(pt[0].as_str()) && !link.contains("lang_pt_br"));
        assert_eq!(Manifest::read(&dir), Some(m));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn any_change_to_the_js_renames_it() {
        let dir = std::env::temp_dir().join(format!("aftercare-id-test-{}", std::process::id()));
        let inputs = |extra: &str| {
            Inputs {
            glue: format!("import * as i from \"{LINK_PLACEHOLDER}\"\n{extra}"),
            link: format!("import {{ initSync }} from \"{GLUE_PLACEHOLDER}\";\nfetch(new URL(\"./split_nps.wasm\", import.meta.url));\n"),
            wasm: vec![("core".into(), b"c".to_vec()), ("split_nps".into(), b"n".to_vec())],
            widgets: HashMap::from([("nps".into(), vec!["split_nps".into()])]),
        }
        };
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let a = publish(&dir, inputs("")).unwrap();
        let b = publish(&dir, inputs("// changed")).unwrap();
        assert_ne!(a.core_glue, b.core_glue);
        assert_ne!(a.core_link, b.core_link);
        assert_eq!(a.core_wasm, b.core_wasm);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn brotli_twin_only_when_smaller() {
        let dir = std::env::temp_dir().join(format!("aftercare-br-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        write_with_br(&dir.join("a.js"), "let a = 1;\n".repeat(200).as_bytes()).unwrap();
        assert!(dir.join("a.js.br").is_file());
        write_with_br(&dir.join("b.js"), b"x").unwrap();
        assert!(!dir.join("b.js.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
