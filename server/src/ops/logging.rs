//! The process's log output: human-readable text for a person at a terminal, one JSON object
//! per line for log collectors (Loki, CloudWatch, journald with a JSON parser…).
//!
//! Levels come from `RUST_LOG` (default `info,sqlx=warn`). Every request's events carry the
//! `request` span: method, matched route, request id, status and latency (see
//! `http::telemetry`).

use std::io::IsTerminal;

/// How log lines are written (`AFTERCARE_LOG_FORMAT` / `--log-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Text when standard error is a terminal, JSON otherwise (a service manager, a container).
    #[default]
    Auto,
    /// One JSON object per line, with the current span's fields.
    Json,
    /// Human-readable text.
    Text,
}

impl LogFormat {
    /// `Auto` decided: whether lines are JSON.
    pub fn is_json(self) -> bool {
        match self {
            Self::Json => true,
            Self::Text => false,
            Self::Auto => !std::io::stderr().is_terminal(),
        }
    }
}

/// Install the global subscriber writing to standard error (call once, first thing).
pub fn init(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format.is_json() {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init();
    } else {
        builder.init();
    }
}

#[cfg(test)]
mod tests {
    use super::LogFormat;

    #[test]
    fn explicit_formats_win() {
        assert!(LogFormat::Json.is_json());
        assert!(!LogFormat::Text.is_json());
    }
}
