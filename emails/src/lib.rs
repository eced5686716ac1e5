//! Aftercare's emails. Each message is rendered twice, as HTML and as plain text, from the same
//! data and the same shared texts the widgets show (`aftercare_shared::i18n`), in the store's
//! branding (`api::Branding`). Rendering is pure: the server decides when a message is due,
//! keeps it in its outbox and sends it.

pub mod export;
pub mod layout;
pub mod miss_you;
pub mod order;
pub mod parcel;
pub mod parts;
pub mod returns;
pub mod reviews;
pub mod survey;
pub mod withdrawal;

#[cfg(test)]
mod sample;

use aftercare_shared::api::Branding;

/// Who a message comes from, as the shopper sees it.
#[derive(Debug, Clone, Copy)]
pub struct Sender<'a> {
    /// The store's name.
    pub store: &'a str,
    /// The store's look.
    pub branding: &'a Branding,
    /// Where shoppers write with questions (the store's support email), if it has one.
    pub support_email: Option<&'a str>,
}

/// One message, ready to be put into an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The subject line.
    pub subject: String,
    /// The HTML part: a whole document, styles inline (mail clients drop `<style>` often).
    pub html: String,
    /// The plain-text part: the same content, readable as is.
    pub text: String,
}
