//! Counting what the store's emails achieve (issue #16), decided when a message is sent:
//!
//! - **clicks:** every web link of the HTML part (the unsubscribe link aside) goes through
//!   `/e/{key}/{message}/c?u=…&s=…`, which counts the click and redirects. `s` signs the
//!   message and the address with the store's secret, so the route redirects nowhere else (no
//!   open redirect) and nobody counts clicks for another message;
//! - **opens:** only when the store's calendar turns `open_pixel` on, a one-pixel image
//!   `/e/{key}/{message}/o.gif?s=…` at the end of the HTML part.
//!
//! Nothing is added for an address that turned counting off ([`Topic::EmailTracking`]), and
//! the routes check again when they count, so turning it off later stops the count at once.
//! The plain-text part keeps its direct links: a reader of plain text is not counted.

use super::render::Ready;
use crate::db::Db;
use crate::error::Result;
use crate::repo::outbox::Claimed;
use crate::repo::stores::{self, StoreRow};
use crate::repo::{calendar, consent};
use aftercare_shared::api::Topic;
use aftercare_shared::Email;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a signature is over: a click names its address, an open only its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed<'a> {
    /// A followed link to `url`.
    Click(&'a str),
    /// The pixel loaded.
    Open,
}

/// The keyed hash of `what` for message `id` with the store's secret.
fn mac(store: &StoreRow, id: i64, what: Signed<'_>) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(store.secret_key.as_bytes())
        .expect("HMAC accepts any key length");
    match what {
        Signed::Click(url) => m.update(format!("click\n{id}\n{url}").as_bytes()),
        Signed::Open => m.update(format!("open\n{id}").as_bytes()),
    }
    m
}

/// The signature of `what` for message `id` with the store's secret (base64url HMAC-SHA256).
pub fn sign(store: &StoreRow, id: i64, what: Signed<'_>) -> String {
    URL_SAFE_NO_PAD.encode(mac(store, id, what).finalize().into_bytes())
}

/// Whether `sig` is [`sign`]'s for `what` (compared in constant time).
pub fn verify(store: &StoreRow, id: i64, what: Signed<'_>, sig: &str) -> bool {
    URL_SAFE_NO_PAD
        .decode(sig)
        .is_ok_and(|given| mac(store, id, what).verify_slice(&given).is_ok())
}

/// The counted address of a link to `url` in message `id`.
pub fn click_url(store: &StoreRow, origin: &str, id: i64, url: &str) -> String {
    let query =
        serde_urlencoded::to_string([("u", url), ("s", &sign(store, id, Signed::Click(url)))])
            .unwrap_or_default();
    format!("{origin}/e/{}/{id}/c?{query}", store.publishable_key)
}

/// The address of message `id`'s open pixel.
pub fn open_url(store: &StoreRow, origin: &str, id: i64) -> String {
    format!(
        "{origin}/e/{}/{id}/o.gif?s={}",
        store.publishable_key,
        sign(store, id, Signed::Open)
    )
}

/// `html` with every `href="http…"` except `keep` replaced by `wrap(url)` (attribute values
/// unescaped before and escaped after, as maud writes them).
pub fn wrap_links(html: &str, keep: Option<&str>, wrap: impl Fn(&str) -> String) -> String {
    const OPEN: &str = "href=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let (head, tail) = rest.split_at(at + OPEN.len());
        out.push_str(head);
        let Some(end) = tail.find('"') else {
            rest = tail;
            break;
        };
        let raw = &tail[..end];
        let url = unescape(raw);
        let web = url.starts_with("https://") || url.starts_with("http://");
        if web && Some(url.as_str()) != keep {
            out.push_str(&escape(&wrap(&url)));
        } else {
            out.push_str(raw);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The pixel, last in the body: decorative (empty `alt`), one pixel, no layout of its own.
fn with_pixel(html: &str, src: &str) -> String {
    let img = format!(
        "<img src=\"{}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">",
        escape(src)
    );
    match html.rfind("</body>") {
        Some(at) => format!("{}{img}{}", &html[..at], &html[at..]),
        None => format!("{html}{img}"),
    }
}

/// Make `ready` (message `c`) count its clicks, and its opens when the store asks, unless its
/// address turned counting off.
pub async fn engage(db: &Db, origin: &str, c: &Claimed, ready: &mut Ready) -> Result<()> {
    let Ok(email) = Email::parse(&c.recipient) else {
        return Ok(());
    };
    {
        let mut conn = db.pool.acquire().await?;
        if !consent::allows(&mut conn, c.store_id, &email, Topic::EmailTracking).await? {
            return Ok(());
        }
    }
    let Some(store) = stores::by_id(db, c.store_id).await? else {
        return Ok(());
    };
    let keep = ready.unsubscribe.as_deref();
    let html = wrap_links(&ready.message.html, keep, |url| {
        click_url(&store, origin, c.id, url)
    });
    ready.message.html = if calendar::get(db, c.store_id).await?.open_pixel {
        with_pixel(&html, &open_url(&store, origin, c.id))
    } else {
        html
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> StoreRow {
        StoreRow {
            id: 1,
            name: "Aurora".into(),
            publishable_key: "pk_x".into(),
            secret_key: "sk_x".into(),
            default_locale: "en".into(),
            support_email: None,
            ..StoreRow::default()
        }
    }

    #[test]
    fn web_links_are_wrapped_and_the_unsubscribe_link_and_others_are_not() {
        let html = r#"<a href="https://a.example/p?x=1&amp;y=2">A</a> <a href="mailto:h@a.example">M</a> <a href="https://a.example/unsub?t=1&amp;l=en">U</a> <img src="https://a.example/i.png">"#;
        let out = wrap_links(html, Some("https://a.example/unsub?t=1&l=en"), |u| {
            format!("https://t.example/c?u={u}&v=\"")
        });
        assert_eq!(
            out,
            r#"<a href="https://t.example/c?u=https://a.example/p?x=1&amp;y=2&amp;v=&quot;">A</a> <a href="mailto:h@a.example">M</a> <a href="https://a.example/unsub?t=1&amp;l=en">U</a> <img src="https://a.example/i.png">"#
        );
        assert_eq!(wrap_links("no links", None, |u| u.into()), "no links");
        assert_eq!(
            wrap_links("href=\"broken", None, |u| u.into()),
            "href=\"broken"
        );
    }

    #[test]
    fn a_signature_names_its_message_and_address() {
        let s = store();
        let url = "https://a.example/p";
        let sig = sign(&s, 7, Signed::Click(url));
        assert!(verify(&s, 7, Signed::Click(url), &sig));
        assert!(!verify(&s, 8, Signed::Click(url), &sig));
        assert!(!verify(&s, 7, Signed::Click("https://evil.example"), &sig));
        assert!(!verify(&s, 7, Signed::Open, &sig));
        assert!(!verify(&s, 7, Signed::Click(url), "not base64!"));
        let other = StoreRow {
            secret_key: "sk_y".into(),
            ..store()
        };
        assert!(!verify(&other, 7, Signed::Click(url), &sig));
        let link = click_url(&s, "https://care.example", 7, "https://a.example/p?x=1&y=2");
        assert!(
            link.starts_with(
                "https://care.example/e/pk_x/7/c?u=https%3A%2F%2Fa.example%2Fp%3Fx%3D1%26y%3D2&s="
            ),
            "{link}"
        );
    }

    #[test]
    fn the_pixel_goes_last_in_the_body() {
        let out = with_pixel(
            "<html><body><p>Hi</p></body></html>",
            "https://c/o.gif?s=a&b",
        );
        assert!(out.ends_with(
            "<p>Hi</p><img src=\"https://c/o.gif?s=a&amp;b\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\"></body></html>"
        ));
    }
}
