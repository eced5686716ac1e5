//! The load section of the bench report, as Markdown, from the JSON
//! [`crate::load_matrix::run`] returns: a summary (highest rate held per deployment and
//! request, and its ratio to static nginx) and every rung measured.

use serde_json::Value;
use std::fmt::Write;

/// A number with `digits` decimals, or a dash when it was not measured.
fn num(v: &Value, digits: usize) -> String {
    v.as_f64()
        .map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| "–".into())
}

/// The highest rate held, with `≥` when it is the top of the ladder (the true figure may be
/// higher) and "none" when even the lowest rate failed.
fn held(ladder: &Value) -> String {
    match ladder["highest_held"].as_u64() {
        None => "none".into(),
        Some(r) if ladder["at_top_of_ladder"] == true => format!("≥ {r}"),
        Some(r) => r.to_string(),
    }
}

/// The ratio to static nginx, marked as a bound when either side hit the top of the ladder:
/// `≤` when only the ceiling did, `≥` when only this one did, `~` when both did.
fn vs_static(ladder: &Value, ceiling_at_top: bool) -> String {
    let Some(r) = ladder["vs_static"].as_f64() else {
        return "–".into();
    };
    let mark = match (ladder["at_top_of_ladder"] == true, ceiling_at_top) {
        (false, false) => "",
        (false, true) => "≤ ",
        (true, false) => "≥ ",
        (true, true) => "~ ",
    };
    // Servers are a small fraction of static nginx: two decimals would round them to 0.01.
    if r >= 0.1 {
        format!("{mark}{r:.2}")
    } else {
        format!("{mark}{r:.4}")
    }
}

/// The section, appended to `md`.
pub(crate) fn section(md: &mut String, load: &Value) {
    let rates: Vec<String> = load["rates"]
        .as_array()
        .into_iter()
        .flatten()
        .map(Value::to_string)
        .collect();
    let _ = write!(
        md,
        "\n## Load: rate ladders per deployment (loopback; {cpus} cores shared by the servers, \
         PostgreSQL, nginx **and the load generator**)\n\
         Open-loop fixed rates over {conns} keep-alive connections, latency from the scheduled \
         send time; {secs} s per rate ({rates} req/s), after 1 s of warm-up; a ladder stops \
         after the rate that saturates the server (p99 > 100 ms or > 1 % errors), so \
         \"most req/s completed\" is its throughput at saturation. \"Held\" = p99 < {target} ms \
         with 0 errors; the highest rate held is the highest rung that did, even when a \
         lower one failed (see every rung below). Server built with the `native-release` \
         profile; the generator is `cargo xtask` itself (dev profile), its CPU share per rate in \
         the last column. The read is Ana's order with a customer token ({bytes} bytes of JSON); the \
         write is a new NPS response under a fresh id. The ceiling is nginx (1 worker, like \
         the cluster's proxy) serving those same JSON bytes as a static file; at its top rates the generator's own \
         CPU share is part of what limits it, which makes it this machine's practical ceiling \
         rather than nginx's. Load average \
         before: {before}; after: {after} ({total} s in all).\n\n\
         | deployment | request | highest rate held (req/s) | × static nginx | most req/s completed | load average after |\n\
         |---|---|---|---|---|---|\n",
        cpus = load["cpus"],
        conns = load["connections"],
        secs = load["step_seconds"],
        rates = rates.join(", "),
        target = load["p99_target_ms"],
        bytes = load["tracking_body_bytes"],
        before = load["load_average_before"].as_str().unwrap_or("?"),
        after = load["load_average_after"].as_str().unwrap_or("?"),
        total = load["seconds"],
    );
    let ceiling_at_top = load["ceiling_at_top_of_ladder"] == true;
    let configs = load["configs"].as_array().cloned().unwrap_or_default();
    for c in &configs {
        for l in c["ladders"].as_array().into_iter().flatten() {
            let _ = writeln!(
                md,
                "| {} | `{}` | {} | {} | {} | {} |",
                c["name"].as_str().unwrap_or("?"),
                l["request"].as_str().unwrap_or("?"),
                held(l),
                vs_static(l, ceiling_at_top),
                num(&l["max_achieved_rps"], 0),
                c["load_average"].as_str().unwrap_or("?"),
            );
        }
    }
    md.push_str(
        "\nEvery rate measured:\n\n\
         | deployment | request | req/s | achieved | errors | p50 ms | p99 ms | max ms | held | generator cores |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for c in &configs {
        for l in c["ladders"].as_array().into_iter().flatten() {
            for s in l["steps"].as_array().into_iter().flatten() {
                let errors = match s["first_error"].as_str() {
                    Some(e) => format!("{} ({e})", s["errors"]),
                    None => s["errors"].to_string(),
                };
                let _ = writeln!(
                    md,
                    "| {} | `{}` | {} | {} | {errors} | {} | {} | {} | {} | {} |",
                    c["name"].as_str().unwrap_or("?"),
                    l["request"].as_str().unwrap_or("?"),
                    s["rate"],
                    num(&s["achieved_rps"], 0),
                    num(&s["p50_ms"], 2),
                    num(&s["p99_ms"], 2),
                    num(&s["max_ms"], 2),
                    if s["holds"] == true { "yes" } else { "no" },
                    num(&s["generator_cores"], 2),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn summarises_each_ladder_and_lists_every_rate() {
        let load = json!({
            "rates": [250, 500], "step_seconds": 3, "connections": 32, "p99_target_ms": 10.0,
            "cpus": 2, "tracking_body_bytes": 1234, "load_average_before": "1.00 2.00 3.00",
            "load_average_after": "2.00 2.00 3.00", "seconds": 200, "ceiling_at_top_of_ladder": true,
            "configs": [
                { "name": "SQLite, 1 instance", "load_average": "1.50 2.00 3.00", "ladders": [
                    { "request": "GET /x", "highest_held": 250, "at_top_of_ladder": false, "vs_static": 0.5, "max_achieved_rps": 480.0,
                      "steps": [
                        { "rate": 250, "sent": 750, "errors": 0, "achieved_rps": 249.6, "p50_ms": 0.5, "p99_ms": 2.0, "max_ms": 3.0, "holds": true, "first_error": null, "generator_cores": 0.05 },
                        { "rate": 500, "sent": 1500, "errors": 2, "achieved_rps": 480.0, "p50_ms": 9.0, "p99_ms": 150.0, "max_ms": 300.0, "holds": false, "first_error": "HTTP 503", "generator_cores": 0.1 }
                      ] },
                    { "request": "PUT /y", "highest_held": null, "at_top_of_ladder": false, "vs_static": null, "steps": [] },
                    { "request": "PUT /z", "highest_held": 250, "at_top_of_ladder": false, "vs_static": 0.0078125, "steps": [] }
                ] },
                { "name": "nginx", "load_average": "?", "ladders": [
                    { "request": "GET /x", "highest_held": 500, "at_top_of_ladder": true, "vs_static": 1.0, "steps": [] }
                ] }
            ]
        });
        let mut md = String::new();
        section(&mut md, &load);
        assert!(md.contains("2 cores shared"), "{md}");
        assert!(md.contains("(250, 500 req/s)"));
        assert!(
            md.contains("| SQLite, 1 instance | `GET /x` | 250 | ≤ 0.50 | 480 | 1.50 2.00 3.00 |")
        );
        assert!(md.contains("| SQLite, 1 instance | `PUT /y` | none | – | – |"));
        assert!(md.contains("| nginx | `GET /x` | ≥ 500 | ~ 1.00 | – | ? |"));
        assert!(md.contains("| `PUT /z` | 250 | ≤ 0.0078 |"));
        assert!(md.contains("| 250 | 250 | 0 | 0.50 | 2.00 | 3.00 | yes | 0.05 |"));
        assert!(md.contains("| 500 | 480 | 2 (HTTP 503) | 9.00 | 150.00 | 300.00 | no | 0.10 |"));
    }
}
