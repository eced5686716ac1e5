//! Notices, banners, pickup point, packages and help.

use super::{document, fixtures, one, set_attr, show, text_of, texts, tick};
use aftercare_shared::tracking::{ExceptionReason, NextStep, TrackingStatus};
use aftercare_shared::Locale;
use aftercare_widgets::i18n;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
fn revised_eta_says_was_and_now_in_both_languages() {
    let order = fixtures::revised_eta();
    let s = &order.shipments[0];
    let (was, now) = (s.eta_original.unwrap(), s.eta.unwrap());
    let en = show(order.clone(), Locale::En, None);
    let expected = format!(
        "Was {} — now {}",
        i18n::eta(Locale::En, &was),
        i18n::eta(Locale::En, &now)
    );
    assert!(
        expected.contains("Tue, Nov 24") && expected.contains("Thu, Nov 26"),
        "{expected}"
    );
    assert_eq!(text_of(&one(&en, ".was")), expected);
    let es = show(order, Locale::Es, None);
    assert_eq!(
        text_of(&one(&es, ".was")),
        format!(
            "Antes: {} — ahora: {}",
            i18n::eta(Locale::Es, &was),
            i18n::eta(Locale::Es, &now)
        )
    );
}

#[wasm_bindgen_test]
fn delay_notice_says_late_and_links_to_help() {
    let mut order = fixtures::one_parcel(TrackingStatus::InTransit, None, NextStep::Wait);
    order.shipments[0].delayed = true;
    let div = show(order, Locale::En, Some(fixtures::store()));
    let n = one(&div, "[part=notice]");
    assert_eq!(n.get_attribute("role").as_deref(), Some("status"));
    let text = text_of(&n);
    assert!(
        text.contains("Running late: the carrier's estimate has passed"),
        "{text}"
    );
    assert!(text.contains("Most late parcels arrive within a few days."));
    assert!(
        n.query_selector("[aria-hidden=true]").unwrap().is_some(),
        "icon, not colour alone"
    );

    // "Get help" moves focus to the help section's heading.
    let help = one(&n, "button.gethelp");
    assert_eq!(text_of(&help), "Get help");
    help.unchecked_into::<HtmlElement>().click();
    let focused = document().active_element().unwrap();
    assert_eq!(text_of(&focused), "Need help with your delivery?");
}

#[wasm_bindgen_test]
fn stall_notice_counts_days_and_offers_contacts() {
    let div = show(fixtures::stalled(), Locale::En, Some(fixtures::store()));
    let n = one(&div, "[part=notice]");
    let text = text_of(&n);
    assert!(
        text.contains("No update from the carrier for 4 days"),
        "{text}"
    );
    assert!(text.contains("Contact us and we'll sort it out."));
    assert_eq!(
        one(&n, "a[href^='mailto:']")
            .get_attribute("href")
            .as_deref(),
        Some("mailto:help@aurora.example")
    );
    assert_eq!(
        one(&n, "a[href^='tel:']").get_attribute("href").as_deref(),
        Some("tel:+34910000000")
    );
    // Without a store config: the same notice, no contacts and no help link.
    let bare = show(fixtures::stalled(), Locale::En, None);
    assert!(bare
        .query_selector("[part=notice] a, .gethelp, [part=help]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn a_banner_per_reason_with_its_next_step() {
    use ExceptionReason::*;
    let cases = [
        (
            AddressIssue,
            NextStep::UpdateAddress,
            "There's a problem with the delivery address",
            "Check your delivery address with us.",
            "address problem",
        ),
        (
            CustomsHold,
            NextStep::ContactCarrier,
            "Your parcel is held at customs",
            "Contact SEUR to sort it out.",
            "held at customs",
        ),
        (
            Damaged,
            NextStep::ContactStore,
            "Your parcel was damaged in transit",
            "Contact us and we'll sort it out.",
            "damaged",
        ),
        (
            Lost,
            NextStep::ContactStore,
            "The carrier has lost your parcel",
            "Contact us and we'll sort it out.",
            "lost",
        ),
        (
            Delayed,
            NextStep::Wait,
            "Your parcel is delayed by weather or a carrier problem",
            "Nothing to do for now",
            "weather or carrier delay",
        ),
        (
            Refused,
            NextStep::ContactStore,
            "The delivery was refused",
            "Contact us and we'll sort it out.",
            "refused",
        ),
        (
            Other,
            NextStep::ContactStore,
            "The carrier reported a problem with your parcel",
            "Contact us and we'll sort it out.",
            "other problem",
        ),
    ];
    for (reason, next, title, step, words) in cases {
        let order = fixtures::one_parcel(TrackingStatus::Exception, Some(reason), next);
        let div = show(order, Locale::En, Some(fixtures::store()));
        let b = one(&div, "[part=notice]");
        assert_eq!(
            b.get_attribute("role").as_deref(),
            Some("alert"),
            "{reason:?}"
        );
        let text = text_of(&b);
        assert!(text.contains(title), "{reason:?}: {text}");
        assert!(text.contains(step), "{reason:?}: {text}");
        assert_eq!(
            text_of(&one(&div, "h3")),
            format!("Delivery problem: {words}")
        );
        match next {
            NextStep::ContactCarrier => {
                assert!(text.contains("Customs may need documents"), "{text}");
                let a = one(&b, "a[target=_blank]");
                assert!(text_of(&a).starts_with("Track with SEUR"));
            }
            NextStep::UpdateAddress | NextStep::ContactStore => {
                assert!(
                    b.query_selector("a[href^='mailto:']").unwrap().is_some(),
                    "{reason:?}"
                );
            }
            _ => {}
        }
        div.remove();
    }

    // The other statuses that need the shopper: failed attempt, return, long silence.
    let attempted = show(
        fixtures::one_parcel(
            TrackingStatus::AttemptedDelivery,
            None,
            NextStep::ArrangeRedelivery,
        ),
        Locale::En,
        None,
    );
    let b = one(&attempted, "[part=notice]");
    assert_eq!(b.get_attribute("role").as_deref(), Some("status"));
    assert!(text_of(&b).contains("The courier couldn't deliver your parcel"));
    assert!(text_of(&b)
        .contains("The courier will try again, or you can rearrange delivery with SEUR."));
    assert!(b
        .query_selector("a[href^='https://www.seur.com']")
        .unwrap()
        .is_some());

    let returned = show(
        fixtures::one_parcel(
            TrackingStatus::ReturnedToSender,
            Some(Refused),
            NextStep::ContactStore,
        ),
        Locale::En,
        None,
    );
    let text = text_of(&one(&returned, "[part=notice]"));
    assert!(
        text.contains("Your parcel is being returned to the store"),
        "{text}"
    );
    assert!(text.contains("Reason: refused"), "{text}");

    let expired = show(
        fixtures::one_parcel(TrackingStatus::Expired, None, NextStep::ContactStore),
        Locale::En,
        None,
    );
    assert!(text_of(&one(&expired, "[part=notice]"))
        .contains("We haven't had tracking updates for a long time"));
}

#[wasm_bindgen_test]
fn spanish_banner_names_reason_and_step() {
    let order = fixtures::one_parcel(
        TrackingStatus::Exception,
        Some(ExceptionReason::CustomsHold),
        NextStep::ContactCarrier,
    );
    let div = show(order, Locale::Es, Some(fixtures::store()));
    let text = text_of(&one(&div, "[part=notice]"));
    assert!(
        text.contains("Tu paquete está retenido en la aduana"),
        "{text}"
    );
    assert!(
        text.contains("Contacta con SEUR para resolverlo."),
        "{text}"
    );
    assert!(text.contains("Seguir en SEUR"), "{text}");
    assert_eq!(
        text_of(&one(&div, "h3")),
        "Incidencia en la entrega: retenido en aduana"
    );
    assert_eq!(text_of(&one(&div, ".gethelp")), "Obtener ayuda");
    assert_eq!(
        text_of(&one(&div, "[part=help] h3")),
        "¿Necesitas ayuda con tu entrega?"
    );
}

#[wasm_bindgen_test]
fn pickup_point_block_shows_where_and_by_when() {
    let div = show(fixtures::pickup(), Locale::En, None);
    let p = one(&div, "[part=pickup]");
    let text = text_of(&p);
    assert!(text.starts_with("Pickup point"), "{text}");
    assert!(text.contains("Kiosko Sol"));
    assert!(text.contains("Calle Mayor 5, 28013 Madrid, ES"), "{text}");
    assert!(text.contains("Opening hours"));
    assert_eq!(
        texts(&p, ".hours li"),
        vec!["Mon–Fri 09:00–20:00", "Sat 10:00–14:00"]
    );
    let due = one(&p, ".due time");
    assert!(
        text_of(&due).starts_with("Collect by "),
        "{}",
        text_of(&due)
    );
    assert!(text_of(&due).contains("Nov 28"));
    assert!(
        div.query_selector("[part=notice]").unwrap().is_none(),
        "pickup is not a problem"
    );
}

#[wasm_bindgen_test]
async fn ships_in_packages_with_item_images_and_copy_button() {
    let div = show(
        fixtures::with_images(fixtures::two_parcels()),
        Locale::En,
        None,
    );
    assert!(text_of(&div).contains("Your order ships in 2 packages"));
    let unshipped = one(&div, ".unshipped");
    assert!(text_of(&unshipped).contains("1 item hasn't shipped yet"));
    let img = one(&unshipped, "img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Leather Belt"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("56"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("56"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    // A broken picture is hidden; its tile keeps the row's size. (Lazy images below the fold
    // never load in the test page: load this one now.)
    set_attr(&one(&div, "img[alt='Linen Shirt']"), "loading", "eager");
    for _ in 0..50 {
        tick().await;
        if one(&div, "img[alt='Linen Shirt']").has_attribute("hidden") {
            break;
        }
    }
    assert!(one(&div, "img[alt='Linen Shirt']").has_attribute("hidden"));
    // Copy button (secure context: localhost) with a live region for "Copied".
    let copy = one(&div, "[part=copy]");
    assert_eq!(
        copy.get_attribute("aria-label").as_deref(),
        Some("Copy tracking number")
    );
    assert_eq!(text_of(&copy), "Copy");
    assert_eq!(
        copy.next_element_sibling()
            .unwrap()
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    copy.unchecked_ref::<HtmlElement>().click();
    let live = copy.next_element_sibling().unwrap();
    for _ in 0..50 {
        tick().await;
        if !text_of(&live).is_empty() {
            break;
        }
    }
    // Headless Chromium may refuse clipboard access without a user gesture: either outcome is said.
    let said = text_of(&live);
    assert!(
        said == "Copied" || said == "Couldn't copy: select the number and copy it.",
        "{said}"
    );
    // Single parcel: no "ships in" sentence.
    let single = show(fixtures::revised_eta(), Locale::En, None);
    assert!(!text_of(&single).contains("ships in"));
}

#[wasm_bindgen_test]
fn help_section_lists_faq_and_contacts() {
    let div = show(fixtures::two_parcels(), Locale::En, Some(fixtures::store()));
    let help = one(&div, "[part=help]");
    assert_eq!(text_of(&one(&help, "h3")), "Need help with your delivery?");
    assert_eq!(
        texts(&help, "details summary"),
        vec!["When will my order arrive?", "What if I'm not home?"]
    );
    assert!(text_of(&help).contains("The courier leaves a note and tries again."));
    assert_eq!(
        text_of(&one(&help, "a[href^='mailto:']")),
        "Email help@aurora.example"
    );
    assert_eq!(
        text_of(&one(&help, "a[href^='tel:']")),
        "Call +34 910 000 000"
    );
    let chat = one(&help, "a[href='https://aurora.example/help']");
    assert!(text_of(&chat).starts_with("Chat with us"));
    // No notices for a parcel moving normally: nothing links here, but the section is there.
    assert!(div.query_selector("[part=notice]").unwrap().is_none());
}
