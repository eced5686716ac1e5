//! The bench report as Markdown (`target/bench/report.md`), from the JSON `bench` collects.
//! Figures only: targets are stated next to them, nothing passes or fails.

use serde_json::Value;
use std::fmt::Write;

const KB: f64 = 1024.0;

fn kb(v: &Value) -> String {
    v.as_f64()
        .map(|b| format!("{:.1} KB", b / KB))
        .unwrap_or_else(|| "–".into())
}

fn ms(v: &Value) -> String {
    v.as_f64()
        .map(|m| format!("{m:.0} ms"))
        .unwrap_or_else(|| "–".into())
}

fn num(v: &Value, digits: usize) -> String {
    v.as_f64()
        .map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "–".into())
}

/// The whole report.
pub(crate) fn markdown(r: &Value) -> String {
    let mut md = String::from("# Aftercare benchmark report\n\n");
    md.push_str(
        "Targets: a one-widget page ≤ 50 KB from `/sdk/` (brotli, as served), the whole suite \
         ≤ 150 KB, loader ≤ 1 KB; zero layout shift; ≤ 50 ms main-thread per widget; tracking \
         reads p99 < 10 ms at 1k req/s; a 500-event timeline in one short frame.\n\n",
    );
    pages(&mut md, &r["pages"]);
    sdk(&mut md, &r["sdk"]);
    latency(&mut md, &r["tracking_get_latency"]);
    timeline(&mut md, &r["timeline_500"]);
    if !r["console"].is_null() {
        console(&mut md, &r["console"]);
    }
    if !r["load"].is_null() {
        crate::load_report::section(&mut md, &r["load"]);
    }
    md.push_str("\nReproduce: `cargo xtask bench` (figures vary with the machine's load).\n");
    md
}

fn pages(md: &mut String, pages: &Value) {
    md.push_str(
        "## Per page (headless Chromium, cold cache, loopback; medians)\n\
         Bytes are every file fetched from `/sdk/`, loader included, as the server sends them \
         with `Accept-Encoding: br`. First paint: navigation start to the frame after the first \
         widget's `aftercare:ready`. Main thread: Chromium's busy time until every widget is \
         ready, minus a page with only the loader (`no widget`, the shop's home page), per widget.\n\n\
         | page | widgets ready | /sdk/ requests | /sdk/ bytes (br) | first widget painted | × plain JS | main thread / widget | layout shift |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    if let Some(map) = pages.as_object() {
        for (name, p) in map {
            let _ = writeln!(
                md,
                "| {name} (`{}`) | {} of {} | {} | {} | {} | {} | {} | {} |",
                p["path"].as_str().unwrap_or("?"),
                p["widgets_ready"],
                p["widgets"],
                p["sdk_requests"],
                kb(&p["sdk_bytes_brotli"]),
                ms(&p["first_paint_ms"]),
                num(&p["first_paint_vs_reference"], 1),
                ms(&p["main_thread_per_widget_ms"]),
                num(&p["layout_shift"], 4),
            );
        }
    }
    md.push_str(
        "\nThe reference page fetches the same order and renders the same tracking markup in \
         plain JavaScript (`tests/bench/reference/`): the physical limit for first paint.\n\n",
    );
}

fn sdk(md: &mut String, sdk: &Value) {
    md.push_str("## The SDK's files (bytes; brotli = the `.br` twin the server sends)\n| part | file | raw | brotli |\n|---|---|---|---|\n");
    let row = |md: &mut String, part: &str, f: &Value| {
        let _ = writeln!(
            md,
            "| {part} | `{}` | {} | {} |",
            f["file"].as_str().unwrap_or("?"),
            f["raw"],
            f["brotli"]
        );
    };
    for f in sdk["core"].as_array().into_iter().flatten() {
        row(md, "core", f);
    }
    if let Some(widgets) = sdk["widgets"].as_object() {
        for (tag, w) in widgets {
            for f in w["files"].as_array().into_iter().flatten() {
                row(md, tag, f);
            }
        }
    }
    let _ = writeln!(
        md,
        "\nCore (loader + glue + split loader + core wasm): **{}**. Whole suite (every file once): **{}**.",
        kb(&sdk["core_brotli"]),
        kb(&sdk["suite_brotli"])
    );
    if let Some(widgets) = sdk["widgets"].as_object() {
        for (tag, w) in widgets {
            let _ = writeln!(
                md,
                "- `{tag}` adds {} (its chunks, some shared with other widgets).",
                kb(&w["brotli"])
            );
        }
    }
    md.push('\n');
}

fn latency(md: &mut String, rows: &Value) {
    md.push_str(
        "## Tracking reads under load (loopback, 2 cores shared with the load generator)\n\
         `GET /v1/orders/1002` with a customer token, open-loop at a fixed rate over 32 keep-alive \
         connections; latency from the scheduled send time (server built with the \
         `native-release` profile, SQLite).\n\n\
         | target req/s | sent | achieved req/s | errors | p50 ms | p90 ms | p99 ms | max ms |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for r in rows.as_array().into_iter().flatten() {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            r["rate"],
            r["sent"],
            num(&r["achieved_rps"], 0),
            r["errors"],
            num(&r["p50_ms"], 2),
            num(&r["p90_ms"], 2),
            num(&r["p99_ms"], 2),
            num(&r["max_ms"], 2)
        );
    }
}

fn timeline(md: &mut String, t: &Value) {
    let _ = write!(
        md,
        "\n## A {n}-event timeline\nOrder 9500 (one parcel, {n} checkpoints, created through the admin API), opened with a customer token.\n\
         - First render, from the end of the order's HTTP response to the painted frame showing the latest 3 checkpoints: median **{}**.\n\
         - \"Show all\": from the click until all checkpoints are visible and painted: median **{}**, **{}** frame(s). All runs (ms): {}.\n",
        ms(&t["first_render_ms_median"]),
        ms(&t["render_ms_median"]),
        t["frames_median"],
        t["render_ms"],
        n = t["events"],
    );
}

/// The merchant console: outside the widgets' budget, but it must load fast too.
fn console(md: &mut String, c: &Value) {
    let _ = write!(
        md,
        "\n## The merchant console (server-rendered; headless Chromium, signed in, cold cache; medians of {})\n\
         Bytes: every file the page fetched (HTML, stylesheet, script, chart images) as the \
         server sends them with `Accept-Encoding: br`. Interactive: the navigation's \
         `domInteractive` (every form works from then on); loaded: `loadEventEnd`.\n\n\
         | page | files | bytes (br) | interactive | loaded | main thread |\n|---|---|---|---|---|---|\n",
        c["runs"]
    );
    if let Some(map) = c["pages"].as_object() {
        for (path, p) in map {
            let _ = writeln!(
                md,
                "| `{path}` | {} | {} | {} | {} | {} |",
                p["files"].as_object().map_or(0, serde_json::Map::len),
                kb(&p["bytes_brotli"]),
                ms(&p["dom_interactive_ms"]),
                ms(&p["load_ms"]),
                ms(&p["main_thread_ms"]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_every_section_with_missing_figures_as_dashes() {
        let r = json!({
            "pages": { "track": { "path": "/track.html", "widgets": 1, "widgets_ready": 1, "sdk_requests": 8,
                                  "sdk_bytes_brotli": 51200, "first_paint_ms": 120.4, "first_paint_vs_reference": 1.5,
                                  "main_thread_per_widget_ms": null, "layout_shift": 0.0 } },
            "sdk": { "core": [{ "file": "aftercare.js", "raw": 2000, "brotli": 990 }], "core_brotli": 990,
                     "widgets": { "aftercare-nps": { "files": [{ "file": "n.wasm", "raw": 9, "brotli": 8 }], "brotli": 8 } },
                     "suite_brotli": 998 },
            "tracking_get_latency": [{ "rate": 1000, "sent": 10, "achieved_rps": 999.6, "errors": 0, "p50_ms": 0.5, "p90_ms": 1, "p99_ms": 2, "max_ms": 3 }],
            "timeline_500": { "events": 500, "first_render_ms_median": 40.0, "render_ms_median": 20.0, "frames_median": 1, "render_ms": [20.0] },
            "console": { "runs": 5, "pages": { "/console": { "files": { "/console": 2000, "/console/assets/console.css": 1500 },
                         "bytes_brotli": 3584, "dom_interactive_ms": 21.4, "load_ms": 30.2, "main_thread_ms": null } } },
        });
        let md = markdown(&r);
        assert!(
            md.contains(
                "| track (`/track.html`) | 1 of 1 | 8 | 50.0 KB | 120 ms | 1.5 | – | 0.0000 |"
            ),
            "{md}"
        );
        assert!(md.contains("| aftercare-nps | `n.wasm` | 9 | 8 |"));
        assert!(md.contains("| 1000 | 10 | 1000 | 0 | 0.50 | 1.00 | 2.00 | 3.00 |"));
        assert!(md.contains("median **40 ms**"));
        assert!(
            md.contains("| `/console` | 2 | 3.5 KB | 21 ms | 30 ms | – |"),
            "{md}"
        );
    }
}
