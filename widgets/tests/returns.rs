//! `aftercare-returns` in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! the draft's pure rules (storage round trip, step gating, validation, reconciling with the
//! order as it is now, the request built from it, photo pre-checks, server field paths), and
//! the mounted element against a scripted `window.fetch` (no server).
#![cfg(target_arch = "wasm32")]

use aftercare_shared::api::{
    ExchangeOption, ReturnOptions, ReturnReasonOption, ReturnTerms, ReturnableLine,
};
use aftercare_shared::money::{Currency, Money};
use aftercare_shared::returns::{
    NotReturnable, Requirement, Resolution, ReturnMethod, Returnability,
};
use aftercare_shared::{Locale, Timestamp};
use aftercare_widgets::mount;
use aftercare_widgets::returns::draft::{
    self, check_file, Chosen, Draft, FileProblem, Photo, Problem, Step, What,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const T0: i64 = 1_800_000_000_000;

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::parse("EUR").unwrap())
}

fn line(
    item_id: i64,
    title: &str,
    quantity: u32,
    returnable: u32,
    blocked: Option<NotReturnable>,
) -> ReturnableLine {
    ReturnableLine {
        item_id,
        sku: format!("SKU-{item_id}"),
        title: title.into(),
        variant: Some("Blue / M".into()),
        image_url: None,
        unit_price: eur(8900),
        paid_per_unit: eur(8500),
        quantity,
        returnability: Returnability {
            returnable_quantity: returnable,
            blocked,
            window_closes_at: blocked.is_none().then(|| Timestamp::from_utc_ms(T0, 0)),
        },
        exchange_options: Vec::new(),
    }
}

fn reason(code: &str, comment: Requirement, photos: Requirement) -> ReturnReasonOption {
    ReturnReasonOption {
        code: code.into(),
        label: code.replace('_', " "),
        comment,
        photos,
    }
}

/// Sweater (1, exchangeable), socks (3), a final-sale beanie; the demo store's reasons.
fn options() -> ReturnOptions {
    use Requirement::*;
    let mut sweater = line(1, "Merino Crew Sweater", 1, 1, None);
    sweater.exchange_options = vec![
        ExchangeOption {
            sku: "FG-S".into(),
            label: "Forest Green / S".into(),
            available: true,
        },
        ExchangeOption {
            sku: "FG-XL".into(),
            label: "Forest Green / XL".into(),
            available: false,
        },
    ];
    ReturnOptions {
        order_number: "1029".into(),
        currency: "EUR".into(),
        lines: vec![
            sweater,
            line(2, "Wool Hiking Socks", 3, 3, None),
            line(3, "Ribbed Beanie", 1, 0, Some(NotReturnable::FinalSale)),
        ],
        reasons: vec![
            reason("too_small", Disabled, Disabled),
            reason("changed_mind", Optional, Disabled),
            reason("not_as_described", Required, Optional),
            reason("damaged", Optional, Required),
        ],
        resolutions: vec![
            Resolution::Refund,
            Resolution::StoreCredit,
            Resolution::Exchange,
        ],
        methods: vec![ReturnMethod::DropOff, ReturnMethod::Pickup],
        terms: ReturnTerms {
            window_days: 30,
            restocking_fee_bps: 500,
            return_shipping_fee: eur(495),
            store_credit_bonus_bps: 1000,
        },
        photo_max_bytes: 10 * 1024 * 1024,
        photo_max_count: 5,
        withdrawal: None,
        withdrawals: Vec::new(),
        returns: Vec::new(),
    }
}

fn chosen(item_id: i64, quantity: u32, reason: &str) -> Chosen {
    Chosen {
        item_id,
        quantity,
        reason: Some(reason.into()),
        ..Chosen::new(item_id)
    }
}

fn problems(d: &Draft, step: Step) -> Vec<(i64, What)> {
    d.problems(step, &options())
        .into_iter()
        .map(|Problem { item_id, what }| (item_id, what))
        .collect()
}

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

// ---- The mounted element against a scripted API --------------------------------------------

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Replace `window.fetch` with one answering the return options of `opts` (and logging calls).
fn fake_api(opts: &ReturnOptions) {
    let body = serde_json::to_string(opts).unwrap();
    let setup = js_sys::Function::new_with_args(
        "body",
        r#"
        const st = window.__ret = { calls: [] };
        window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = async (req) => {
            st.calls.push({ method: req.method, url: req.url, auth: req.headers.get("authorization") });
            if (req.url.includes("/returns/options")) return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
            return new Response(JSON.stringify({ code: "not_found", message: "x" }), { status: 404 });
        };
        "#,
    );
    setup
        .call1(&JsValue::NULL, &JsValue::from_str(&body))
        .unwrap();
}

fn restore_fetch() {
    let real = js_sys::Reflect::get(&window(), &"__realFetch".into()).unwrap();
    js_sys::Reflect::set(&window(), &"fetch".into(), &real).unwrap();
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

async fn until(root: &ShadowRoot, needle: &str) -> String {
    for _ in 0..300 {
        let text = root.text_content().unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        sleep(10).await;
    }
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounted_items_step_explains_ineligible_lines_and_gates_continue() {
    let storage = window().local_storage().unwrap().unwrap();
    storage
        .remove_item(&draft::storage_key("pk_test", "1029"))
        .unwrap();
    fake_api(&options());
    let host: HtmlElement = document()
        .create_element("aftercare-returns-test")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host.set_attribute("order", "1029").unwrap();
    host.set_attribute("token", "tok_customer").unwrap();
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let handle = mount(
        host.clone(),
        root.clone(),
        "aftercare-returns",
        "pk_test",
        "http://127.0.0.1:9",
    )
    .unwrap();

    let text = until(&root, "Step 1 of 4").await;
    assert!(text.contains("Choose what to return"), "{text}");
    assert!(
        text.contains("Final sale: this item can't be returned."),
        "{text}"
    );
    let boxes = root.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 3);
    let beanie: HtmlInputElement = boxes.item(2).unwrap().unchecked_into();
    assert!(beanie.disabled());
    let why = root
        .get_element_by_id(&beanie.get_attribute("aria-describedby").unwrap())
        .expect("described by its reason");
    assert!(why.text_content().unwrap().contains("Final sale"));

    // Continue with nothing chosen: the step stays, the error is shown and tied to the list.
    let go: HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    go.click();
    let text = until(&root, "Choose at least one item to return.").await;
    assert!(text.contains("Step 1 of 4"), "{text}");

    // Tick the socks, choose 2, continue: the Reasons step, and the draft is stored.
    let socks: HtmlInputElement = boxes.item(1).unwrap().unchecked_into();
    socks.click();
    let qty: web_sys::HtmlSelectElement = root
        .query_selector("select[data-id=\"2\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!qty.disabled());
    assert_eq!(qty.length(), 3, "bounded by the returnable quantity");
    qty.set_value("2");
    qty.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("change", &{
            let i = web_sys::EventInit::new();
            i.set_bubbles(true);
            i
        })
        .unwrap(),
    )
    .unwrap();
    go.click();
    let text = until(&root, "Step 2 of 4").await;
    assert!(text.contains("Tell us why"), "{text}");
    let stored = draft::load(&draft::storage_key("pk_test", "1029")).expect("stored draft");
    assert_eq!(stored.step, Step::Reasons);
    assert_eq!(
        stored.lines,
        vec![Chosen {
            quantity: 2,
            ..Chosen::new(2)
        }]
    );

    handle.unmount();
    host.remove();
    restore_fetch();
    storage
        .remove_item(&draft::storage_key("pk_test", "1029"))
        .unwrap();
}
