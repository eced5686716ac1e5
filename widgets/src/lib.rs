//! Aftercare widgets.
