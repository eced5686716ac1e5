//! The merchants' console, `/console` (issue #13; `docs/decisions/0002-console.md` says why
//! it is server-rendered): every page as HTML from plain data, the console's own texts in
//! every language the suite has, and which role may open which area.
//!
//! This crate renders and decides nothing about storage: the server (`server/src/http/
//! console/`) signs users in, loads the data with the same repository functions as the admin
//! API, checks [`Role::may`], and hands a [`Ctx`] plus the data to a page function. Pages
//! never run scripts inline, so the console works under `script-src 'self'`; the one script
//! ([`assets::SCRIPT`]) only adds progress to forms and copy buttons.

pub mod assets;
mod ctx;
pub mod format;
pub mod html;
pub mod layout;
pub mod pages;
pub mod password;
mod role;
pub mod text;

pub use ctx::{Ctx, Flash, ReviewFlash};
pub use role::{Area, Role};
