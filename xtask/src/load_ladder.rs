//! A rate ladder: one request kind at rising fixed rates, and what it says: the highest rate
//! that held the latency target with no errors, and its ratio to a ceiling (nginx serving the
//! same JSON as a static file). Pure, so the rules are tested without a server.

use crate::load::Stats;
use serde_json::{json, Value};

/// The rates tried, in requests per second: fine steps where the servers run out of room on
/// two shared cores (they stop climbing there, see [`ladder`]), coarse ones above, which only
/// the static-file ceiling reaches.
pub(crate) const RATES: [u32; 13] = [
    250, 500, 750, 1000, 1250, 1500, 2000, 3000, 4000, 8000, 16000, 24000, 32000,
];
/// Seconds at each rate: 1,000 samples at the lowest rate put ten behind the p99, and the
/// whole matrix stays within about five minutes.
pub(crate) const STEP_SECONDS: u32 = 4;
/// The target a rate must hold: p99 below this, in milliseconds (issue #15).
pub(crate) const P99_TARGET_MS: f64 = 10.0;
/// A p99 this far past the target means the server is saturated: higher rates would only
/// queue longer and cost the run time, so the ladder stops.
const SATURATED_MS: f64 = 10.0 * P99_TARGET_MS;

/// One rung: the rate asked for and what it measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    /// Requests per second scheduled.
    pub rate: u32,
    /// What the generator measured.
    pub stats: Stats,
}

/// Whether a rung held: p99 under the target and not one error.
pub(crate) fn holds(s: &Stats) -> bool {
    s.errors == 0 && s.p99_ms < P99_TARGET_MS
}

/// Climb `rates` with `measure` until a rung saturates the server (p99 past 100 ms or more
/// than 1 % errors): every rung below that is measured, so a failed rung between passing
/// ones (noise from the shared machine) shows in the table, and the last rung's completed
/// rate is the throughput the deployment saturates at.
pub(crate) fn ladder(rates: &[u32], mut measure: impl FnMut(u32) -> Stats) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for &rate in rates {
        let stats = measure(rate);
        let saturated = stats.p99_ms > SATURATED_MS || stats.errors * 100 > stats.sent;
        steps.push(Step { rate, stats });
        if saturated {
            break;
        }
    }
    steps
}

/// The highest rate that held, if any did (a lower rung may have failed: the table shows it).
pub(crate) fn highest_held(steps: &[Step]) -> Option<u32> {
    steps
        .iter()
        .filter(|s| holds(&s.stats))
        .map(|s| s.rate)
        .max()
}

/// Whether the highest rate that held is the top of the ladder: the true figure is then at
/// least that, and a ratio against it is a bound, not a measurement.
pub(crate) fn at_top(steps: &[Step], rates: &[u32]) -> bool {
    highest_held(steps).is_some() && highest_held(steps) == rates.last().copied()
}

/// The most requests per second completed at any rate: the throughput the deployment
/// saturates at, whatever its latency then.
pub(crate) fn max_achieved(steps: &[Step]) -> Option<f64> {
    steps
        .iter()
        .map(|s| s.stats.achieved_rps)
        .max_by(f64::total_cmp)
}

/// `held / ceiling`, when both exist.
pub(crate) fn ratio(held: Option<u32>, ceiling: Option<u32>) -> Option<f64> {
    match (held, ceiling) {
        (Some(h), Some(c)) if c > 0 => Some(f64::from(h) / f64::from(c)),
        _ => None,
    }
}

/// One rung as the report's JSON.
fn step_json(s: &Step) -> Value {
    let t = &s.stats;
    json!({
        "rate": s.rate, "sent": t.sent, "errors": t.errors, "achieved_rps": t.achieved_rps,
        "p50_ms": t.p50_ms, "p90_ms": t.p90_ms, "p99_ms": t.p99_ms, "max_ms": t.max_ms,
        "holds": holds(t), "first_error": t.first_error, "generator_cores": t.generator_cores,
    })
}

/// A whole ladder as the report's JSON; `ceiling` is the static file's highest rate, for the
/// ratio (`None` for the ceiling's own ladder).
pub(crate) fn ladder_json(request: &str, steps: &[Step], ceiling: Option<u32>) -> Value {
    let held = highest_held(steps);
    json!({
        "request": request,
        "steps": steps.iter().map(step_json).collect::<Vec<_>>(),
        "highest_held": held,
        "max_achieved_rps": max_achieved(steps),
        "at_top_of_ladder": at_top(steps, &RATES),
        "vs_static": ratio(held, ceiling),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(p99_ms: f64, errors: usize) -> Stats {
        Stats {
            sent: 1000,
            errors,
            achieved_rps: 1000.0,
            p50_ms: p99_ms / 4.0,
            p90_ms: p99_ms / 2.0,
            p99_ms,
            max_ms: p99_ms * 2.0,
            first_error: None,
            generator_cores: 0.1,
        }
    }

    /// A fake server on a short ladder: p99 by rate (500 ms where not given), errors at one
    /// rate.
    fn run(p99: &[(u32, f64)], errors_at: Option<u32>) -> Vec<Step> {
        ladder(&[250, 500, 1000, 2000, 4000, 8000], |rate| {
            let p = p99.iter().find(|(r, _)| *r == rate).map_or(500.0, |x| x.1);
            stats(p, usize::from(errors_at == Some(rate)))
        })
    }

    #[test]
    fn stops_at_saturation_and_reports_the_highest_rate_held() {
        let steps = run(&[(250, 1.0), (500, 1.0), (1000, 2.0), (2000, 150.0)], None);
        assert_eq!(
            steps.iter().map(|s| s.rate).collect::<Vec<_>>(),
            [250, 500, 1000, 2000]
        );
        assert_eq!(highest_held(&steps), Some(1000));
        assert!(!at_top(&steps, &RATES));
    }

    #[test]
    fn failed_rungs_below_saturation_are_kept_and_climbed_past() {
        let steps = run(
            &[
                (250, 1.0),
                (500, 12.0),
                (1000, 3.0),
                (2000, 20.0),
                (4000, 30.0),
            ],
            None,
        );
        assert_eq!(steps.len(), 6, "stops at 8000 (500 ms)");
        assert_eq!(highest_held(&steps), Some(1000));
    }

    #[test]
    fn a_single_error_fails_a_rung_but_many_stop_the_ladder() {
        let steps = run(&[(250, 1.0), (500, 1.0), (1000, 1.0)], Some(500));
        assert!(!holds(&steps[1].stats));
        assert_eq!(
            steps.len(),
            4,
            "continues after one error, stops at 2000 (500 ms)"
        );
        assert_eq!(highest_held(&steps), Some(1000));
        let flood = ladder(&RATES, |_| stats(1.0, 20));
        assert_eq!(flood.len(), 1);
        assert_eq!(highest_held(&flood), None);
    }

    #[test]
    fn the_top_of_the_ladder_is_flagged_and_ratios_need_both_figures() {
        let steps = ladder(&RATES, |_| stats(1.0, 0));
        assert_eq!(steps.len(), RATES.len());
        assert!(at_top(&steps, &RATES));
        assert_eq!(ratio(Some(2000), Some(16000)), Some(0.125));
        assert_eq!(ratio(None, Some(16000)), None);
        assert_eq!(ratio(Some(1), None), None);
        let top = RATES[RATES.len() - 1];
        let j = ladder_json("GET /x", &steps, Some(top));
        assert_eq!(j["highest_held"], top);
        assert_eq!(j["max_achieved_rps"], 1000.0);
        assert_eq!(j["vs_static"], 1.0);
        assert_eq!(j["at_top_of_ladder"], true);
        assert_eq!(j["steps"][0]["holds"], true);
    }
}
