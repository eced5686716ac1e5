//! The draft's pure rules: storage round trip, step gating, validation, reconciling with the
//! order as it is now, the request built from it, photo pre-checks, server field paths.

use crate::fixtures::{chosen, options, problems};
use aftercare_shared::returns::{Resolution, ReturnMethod};
use aftercare_shared::Locale;
use aftercare_widgets::returns::draft::{
    self, check_file, Chosen, Draft, FileProblem, Photo, Step, What,
};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn only_a_definite_refusal_rotates_the_idempotency_key() {
    use aftercare_shared::client::ClientError;
    use aftercare_shared::error::{ApiError, ErrorCode};
    let api = |status: u16, code: ErrorCode| ClientError::Api {
        status,
        error: ApiError::new(code, "x"),
    };
    // Refused: the fixed draft is a new request and needs a new key.
    assert!(draft::needs_new_key(&api(422, ErrorCode::ValidationFailed)));
    assert!(draft::needs_new_key(&api(409, ErrorCode::Conflict)));
    // The return may exist, or the server asks to wait: the same key must be sent again.
    assert!(!draft::needs_new_key(&ClientError::Decode(
        "truncated body".into()
    )));
    assert!(!draft::needs_new_key(&ClientError::Network(
        "offline".into()
    )));
    assert!(!draft::needs_new_key(&api(
        409,
        ErrorCode::IdempotencyInFlight
    )));
    assert!(!draft::needs_new_key(&api(429, ErrorCode::RateLimited)));
    assert!(!draft::needs_new_key(&api(500, ErrorCode::Internal)));
    assert!(!draft::needs_new_key(&api(503, ErrorCode::Unavailable)));
}

#[wasm_bindgen_test]
fn draft_survives_storage_without_its_comments() {
    let d = Draft {
        step: Step::Resolution,
        lines: vec![
            Chosen {
                comment: "My address is Calle Mayor 1".into(),
                photos: vec![Photo {
                    id: "ph_1".into(),
                    url: "http://x/p/ph_1".into(),
                    name: "IMG_0001.jpg".into(),
                }],
                resolution: Some(Resolution::Exchange),
                exchange_sku: Some("FG-S".into()),
                ..chosen(1, 1, "damaged")
            },
            Chosen {
                resolution: Some(Resolution::StoreCredit),
                ..chosen(2, 2, "changed_mind")
            },
        ],
        method: Some(ReturnMethod::Pickup),
        key: "0123456789abcdef".into(),
        rma: None,
    };
    let json = d.to_json();
    assert!(
        !json.contains("Calle Mayor"),
        "comments stay in memory: {json}"
    );
    assert!(
        !json.contains("IMG_0001"),
        "file names stay in memory: {json}"
    );
    let back = Draft::from_json(&json).expect("readable");
    let mut expected = d.clone();
    expected.lines[0].comment.clear();
    expected.lines[0].photos[0].name.clear();
    assert_eq!(back, expected);

    // Only the last RMA after a successful create.
    let done = Draft {
        rma: Some("RMA-7K3M9Q2X".into()),
        ..Draft::new("fedcba9876543210".into())
    };
    assert_eq!(Draft::from_json(&done.to_json()), Some(done));

    for bad in [
        "",
        "null",
        "[]",
        "{\"v\":2,\"key\":\"0123456789abcdef\"}",
        "{\"v\":1,\"key\":\"short\"}",
        "{\"v\":1}",
    ] {
        assert_eq!(Draft::from_json(bad), None, "{bad}");
    }
    // Unknown values inside a readable draft are dropped, not fatal.
    let odd = Draft::from_json(r#"{"v":1,"key":"0123456789abcdef","step":"warp","method":"teleport","lines":[{"id":2,"qty":2,"res":"gift"},{"qty":1}]}"#).unwrap();
    assert_eq!(odd.step, Step::Items);
    assert_eq!(odd.method, None);
    assert_eq!(
        odd.lines,
        vec![Chosen {
            quantity: 2,
            ..Chosen::new(2)
        }]
    );
}

#[wasm_bindgen_test]
fn drafts_are_kept_per_store_and_order_and_empty_ones_are_removed() {
    let key = draft::storage_key("pk_test", "T-1");
    assert_eq!(key, "aftercare:return:pk_test:T-1");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let d = Draft {
        lines: vec![chosen(2, 1, "too_small")],
        ..Draft::new(draft::random_key())
    };
    draft::store(&key, &d);
    assert_eq!(draft::load(&key), Some(d.clone()));
    assert_eq!(draft::load(&draft::storage_key("pk_test", "T-2")), None);
    draft::store(&key, &Draft::new(d.key.clone()));
    assert_eq!(storage.get_item(&key).unwrap(), None);
    let (a, b) = (draft::random_key(), draft::random_key());
    assert_ne!(a, b);
    assert!(a.len() >= 32, "{a}");
}

#[wasm_bindgen_test]
fn the_photos_step_exists_only_when_a_chosen_reason_asks_for_photos() {
    let o = options();
    let mut d = Draft {
        lines: vec![chosen(1, 1, "too_small")],
        ..Draft::default()
    };
    assert_eq!(
        d.steps(&o),
        [Step::Items, Step::Reasons, Step::Resolution, Step::Review]
    );
    assert_eq!(d.position(Step::Resolution, &o), (3, 4));
    assert_eq!(d.next(Step::Reasons, &o), Some(Step::Resolution));
    assert_eq!(d.prev(Step::Resolution, &o), Some(Step::Reasons));
    assert_eq!(d.prev(Step::Items, &o), None);
    assert_eq!(d.next(Step::Review, &o), None);

    d.lines.push(chosen(2, 1, "not_as_described")); // photos optional
    assert!(d.needs_photos(&o));
    assert_eq!(d.position(Step::Resolution, &o), (4, 5));
    assert_eq!(d.next(Step::Reasons, &o), Some(Step::Photos));
    assert_eq!(d.prev(Step::Resolution, &o), Some(Step::Photos));

    // Back from a Photos step that is no longer in the flow lands before it.
    d.lines.pop();
    assert_eq!(d.prev(Step::Photos, &o), Some(Step::Reasons));
}

#[wasm_bindgen_test]
fn each_step_names_what_blocks_it() {
    use What::*;
    let mut d = Draft::default();
    assert_eq!(problems(&d, Step::Items), [(0, Nothing)]);
    d.lines = vec![
        Chosen::new(1),
        Chosen {
            quantity: 4,
            ..Chosen::new(2)
        },
    ];
    assert_eq!(problems(&d, Step::Items), [(2, Quantity)]);
    d.lines[1].quantity = 3;
    assert_eq!(problems(&d, Step::Items), []);

    assert_eq!(problems(&d, Step::Reasons), [(1, Reason), (2, Reason)]);
    d.lines[0].reason = Some("not_as_described".into());
    d.lines[1].reason = Some("no_such_reason".into());
    assert_eq!(problems(&d, Step::Reasons), [(1, Comment), (2, Reason)]);
    d.lines[0].comment = "   ".into();
    assert_eq!(
        problems(&d, Step::Reasons)[0],
        (1, Comment),
        "blank is not a comment"
    );
    d.lines[0].comment = "Wrong colour".into();
    d.lines[1].reason = Some("damaged".into());
    assert_eq!(problems(&d, Step::Reasons), []);
    d.lines[1].comment = "x".repeat(1001);
    assert_eq!(problems(&d, Step::Reasons), [(2, CommentLong)]);
    d.lines[1].comment.clear();

    // Photos: required for "damaged", optional for "not as described".
    assert_eq!(problems(&d, Step::Photos), [(2, Photos)]);
    d.lines[1].photos = vec![
        Photo {
            id: "p".into(),
            url: "u".into(),
            name: String::new()
        };
        6
    ];
    assert_eq!(problems(&d, Step::Photos), [(2, TooManyPhotos)]);
    d.lines[1].photos.truncate(1);
    assert_eq!(problems(&d, Step::Photos), []);

    assert_eq!(
        problems(&d, Step::Resolution),
        [(1, Resolution), (2, Resolution)]
    );
    d.lines[0].resolution = Some(aftercare_shared::returns::Resolution::Exchange);
    d.lines[1].resolution = Some(aftercare_shared::returns::Resolution::Exchange);
    // The socks have no variants: exchange is not offered for them at all.
    assert_eq!(
        problems(&d, Step::Resolution),
        [(1, Exchange), (2, Resolution)]
    );
    d.lines[0].exchange_sku = Some("FG-XL".into()); // out of stock
    assert_eq!(problems(&d, Step::Resolution)[0], (1, Exchange));
    d.lines[0].exchange_sku = Some("FG-S".into());
    d.lines[1].resolution = Some(aftercare_shared::returns::Resolution::StoreCredit);
    assert_eq!(problems(&d, Step::Resolution), []);

    assert_eq!(problems(&d, Step::Review), [(0, Method)]);
    d.method = Some(ReturnMethod::Pickup);
    assert_eq!(problems(&d, Step::Review), []);
}

#[wasm_bindgen_test]
fn a_restored_draft_resumes_at_the_first_step_it_can_no_longer_pass() {
    let o = options();
    let mut d = Draft {
        step: Step::Review,
        lines: vec![Chosen {
            resolution: Some(Resolution::Refund),
            ..chosen(2, 1, "not_as_described")
        }],
        method: Some(ReturnMethod::DropOff),
        ..Draft::default()
    };
    // The required comment was never stored: back to Reasons to write it again.
    assert_eq!(d.resume_at(d.step, &o), Step::Reasons);
    d.lines[0].comment = "Not the colour in the photos".into();
    assert_eq!(d.resume_at(d.step, &o), Step::Review);
    assert_eq!(d.resume_at(Step::Resolution, &o), Step::Resolution);
    // A stored Photos step whose reason no longer asks for photos: the step before it.
    d.lines[0].reason = Some("too_small".into());
    assert_eq!(d.resume_at(Step::Photos, &o), Step::Reasons);
}

#[wasm_bindgen_test]
fn reconcile_fits_an_old_draft_to_the_order_as_it_is_now() {
    let o = options();
    let mut d = Draft {
        lines: vec![
            Chosen {
                resolution: Some(Resolution::Exchange),
                exchange_sku: Some("FG-XL".into()),
                ..chosen(1, 5, "gone_reason")
            },
            Chosen {
                resolution: Some(Resolution::Exchange),
                ..chosen(2, 9, "too_small")
            },
            chosen(3, 1, "too_small"),  // final sale now
            chosen(99, 1, "too_small"), // not in the order
        ],
        method: None,
        ..Draft::default()
    };
    d.reconcile(&o);
    assert_eq!(
        d.lines,
        vec![
            Chosen {
                resolution: Some(Resolution::Exchange),
                ..Chosen::new(1)
            },
            Chosen {
                quantity: 3,
                ..chosen(2, 1, "too_small")
            },
        ]
    );
    assert_eq!(d.method, Some(ReturnMethod::DropOff));
}

#[wasm_bindgen_test]
fn the_request_carries_comments_photos_and_variants_only_where_they_belong() {
    let o = options();
    let d = Draft {
        lines: vec![
            Chosen {
                comment: "  Seam open  ".into(),
                photos: vec![Photo {
                    id: "ph_9".into(),
                    url: "u".into(),
                    name: String::new(),
                }],
                resolution: Some(Resolution::Exchange),
                exchange_sku: Some("FG-S".into()),
                ..chosen(1, 1, "damaged")
            },
            Chosen {
                comment: "left over from another reason".into(),
                photos: vec![Photo {
                    id: "ph_x".into(),
                    url: "u".into(),
                    name: String::new(),
                }],
                resolution: Some(Resolution::Refund),
                exchange_sku: Some("stale".into()),
                ..chosen(2, 2, "too_small")
            },
        ],
        method: Some(ReturnMethod::Pickup),
        ..Draft::default()
    };
    let input = d.input(&o, Locale::Es);
    assert_eq!(input.method, ReturnMethod::Pickup);
    assert_eq!(input.locale, Some(Locale::Es));
    let (a, b) = (&input.lines[0], &input.lines[1]);
    assert_eq!(
        (a.item_id, a.quantity, a.reason.as_str()),
        (1, 1, "damaged")
    );
    assert_eq!(a.comment.as_deref(), Some("Seam open"));
    assert_eq!(a.photo_ids, ["ph_9"]);
    assert_eq!(a.exchange_sku.as_deref(), Some("FG-S"));
    assert_eq!(
        (b.comment.clone(), b.photo_ids.len(), b.exchange_sku.clone()),
        (None, 0, None)
    );
    assert_eq!(d.units(), 3);
}

#[wasm_bindgen_test]
fn photos_are_checked_before_uploading() {
    let o = options();
    assert_eq!(check_file("image/jpeg", 1_000.0, 0, &o), Ok(()));
    assert_eq!(check_file("image/PNG", 1_000.0, 4, &o), Ok(()));
    assert_eq!(
        check_file("image/webp", 10.0 * 1024.0 * 1024.0, 0, &o),
        Ok(())
    );
    assert_eq!(
        check_file("image/svg+xml", 100.0, 0, &o),
        Err(FileProblem::Type)
    );
    assert_eq!(
        check_file("image/heic", 100.0, 0, &o),
        Err(FileProblem::Type)
    );
    assert_eq!(check_file("", 100.0, 0, &o), Err(FileProblem::Type));
    assert_eq!(
        check_file("image/jpeg", 10.0 * 1024.0 * 1024.0 + 1.0, 0, &o),
        Err(FileProblem::TooBig(10 * 1024 * 1024))
    );
    assert_eq!(
        check_file("image/jpeg", 1.0, 5, &o),
        Err(FileProblem::TooMany(5))
    );
}

#[wasm_bindgen_test]
fn server_field_paths_point_back_at_the_line_and_control() {
    let d = Draft {
        lines: vec![chosen(7, 1, "damaged"), chosen(9, 1, "too_small")],
        ..Draft::default()
    };
    let at = |p: &str| d.problem_at(p).map(|p| (p.item_id, p.what));
    assert_eq!(at("lines[0].comment"), Some((7, What::Comment)));
    assert_eq!(at("lines[1].quantity"), Some((9, What::Quantity)));
    assert_eq!(at("lines[1].photo_ids[0]"), Some((9, What::Photos)));
    assert_eq!(at("lines[0].exchange_sku"), Some((7, What::Exchange)));
    assert_eq!(at("lines[2].reason"), None);
    assert_eq!(at("method"), None);
    assert_eq!(What::Exchange.step(), Step::Resolution);
    assert_eq!(What::Photos.step(), Step::Photos);
}
