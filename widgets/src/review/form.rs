//! The review form: stars, headline, text, the store's extra questions for this product,
//! photos and the name shown. Every rule is the shared one (`ReviewInput::validate`), run here
//! before sending and by the server after; a refusal names its field, and nothing typed is
//! ever lost (the form stays as it was, and a retry reuses the same idempotency key, so a
//! review is never created twice).

use super::photos::{PhotoField, Row};
use super::rating::StarInput;
use super::Subject;
use crate::dom::uid;
use crate::i18n::{rv, tv, Rev};
use crate::shell::visit::random_id;
use crate::shell::Events;
use aftercare_shared::api::{
    Fit, ReturnPhoto, Review, ReviewAttribute, ReviewAttributes, ReviewInput,
};
use aftercare_shared::client::{Client, ClientError};
use aftercare_shared::error::{FieldError, FieldIssue};
use aftercare_shared::review::{Rating, MAX_BODY, MAX_DISPLAY_NAME, MAX_TITLE, MIN_BODY};
use aftercare_shared::Locale;
use leptos::html::Form;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// What one field says is wrong, in the shopper's words.
fn problem(field: &str, issue: FieldIssue) -> Rev<'static> {
    match (field, issue) {
        ("rating", _) => Rev::RatingMissing,
        ("body", FieldIssue::OutOfRange) => Rev::BodyTooShort(MIN_BODY),
        (_, FieldIssue::Required) => Rev::Required,
        ("title", _) => Rev::TooLong(MAX_TITLE),
        ("body", _) => Rev::TooLong(MAX_BODY),
        ("display_name", _) => Rev::TooLong(MAX_DISPLAY_NAME),
        ("photo_ids", _) => Rev::PhotosHint(aftercare_shared::review::MAX_REVIEW_PHOTOS),
        _ => Rev::SendFailed,
    }
}

/// The form's fields.
#[derive(Clone, Copy)]
struct Fields {
    rating: RwSignal<Option<u8>>,
    title: RwSignal<String>,
    body: RwSignal<String>,
    name: RwSignal<String>,
    fit: RwSignal<Option<Fit>>,
    recommend: RwSignal<Option<bool>>,
    photos: RwSignal<Vec<Row>, LocalStorage>,
    errors: RwSignal<Vec<(String, Rev<'static>)>>,
}

impl Fields {
    fn error(self, field: &'static str, locale: Signal<Locale>) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.errors.with(|e| {
                e.iter()
                    .find(|(f, _)| f == field)
                    .map(|(_, m)| rv(locale.get(), *m))
            })
        })
    }

    /// The input as the server takes it, or the problems found before sending.
    fn input(self, sku: &str) -> Result<ReviewInput, Vec<(String, Rev<'static>)>> {
        let rating = self.rating.get_untracked().map(i64::from);
        let photo_ids: Vec<String> = self
            .photos
            .with_untracked(|p| p.iter().filter_map(|r| r.id.clone()).collect());
        let input = ReviewInput {
            sku: sku.to_owned(),
            rating: rating
                .and_then(|n| Rating::new(n).ok())
                .unwrap_or_else(stand_in_rating),
            title: self.title.get_untracked().trim().to_owned(),
            body: self.body.get_untracked().trim().to_owned(),
            attributes: ReviewAttributes {
                fit: self.fit.get_untracked(),
                would_recommend: self.recommend.get_untracked(),
            },
            display_name: self.name.get_untracked().trim().to_owned(),
            photo_ids,
        };
        let mut problems: Vec<(String, Rev<'static>)> = Vec::new();
        if rating.is_none() {
            problems.push(("rating".into(), Rev::RatingMissing));
        }
        if let Err(e) = input.validate() {
            problems.extend(
                e.fields
                    .iter()
                    .map(|f| (f.field.clone(), problem(&f.field, f.issue))),
            );
        }
        if problems.is_empty() {
            Ok(input)
        } else {
            Err(problems)
        }
    }
}

/// Lets the other fields be checked while no star is chosen yet (that is reported on its own,
/// and nothing is sent).
fn stand_in_rating() -> Rating {
    Rating::new(i64::from(Rating::MAX)).expect("5 is a rating")
}

/// One text field: label, input or textarea, hint, error.
fn text_field(
    label: Rev<'static>,
    hint: Option<Rev<'static>>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    max: usize,
    multiline: bool,
    locale: Signal<Locale>,
) -> impl IntoView {
    let id = uid("rv-field");
    let err_id = uid("rv-err");
    let hint_id = hint.map(|_| uid("rv-hint"));
    let described = {
        let (e, h) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids: Vec<String> = h.iter().cloned().collect();
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="5"
                maxlength=max
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                maxlength=max
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{tv(locale, label)}</label>
            {hint.zip(hint_id).map(|(h, hid)| view! { <p class="hint" id=hid>{tv(locale, h)}</p> })}
            {control}
            <p class="field-error" id=err_id>{move || error.get()}</p>
        </div>
    }
}

/// A question with a few answers as radio buttons.
fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: Rev<'static>,
    options: Vec<(T, Rev<'static>)>,
    value: RwSignal<Option<T>>,
    locale: Signal<Locale>,
) -> impl IntoView {
    let name = uid("rv-choice");
    view! {
        <fieldset class="choice">
            <legend>{tv(locale, legend)}</legend>
            <div class="chips">
                {options
                    .into_iter()
                    .map(|(v, label)| {
                        view! {
                            <label class="chip">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    prop:checked=move || value.get() == Some(v)
                                    on:change=move |_| value.set(Some(v))
                                />
                                <span>{tv(locale, label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// The form for one product: a new review, or the author's own one to edit.
///
/// Emits `aftercare:review-submitted` `{sku, review_id, rating, status, edited}`.
#[component]
pub fn ReviewForm(
    /// Client signed in as the reviewer (customer token or review link).
    client: Client,
    /// The photo upload route and sign-in.
    upload_to: crate::shell::upload::Target,
    /// What is reviewed.
    subject: Subject,
    /// The review being edited, when it is an edit.
    #[prop(optional)]
    existing: Option<Review>,
    /// The shopper's language.
    locale: Signal<Locale>,
    /// Where `aftercare:*` events go.
    events: Events,
    /// Called with the stored review.
    #[prop(into)]
    on_done: Callback<Review>,
    /// Called when the shopper closes the form without sending.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let from = existing.clone();
    let stored_photos: Vec<ReturnPhoto> =
        from.as_ref().map(|r| r.photos.clone()).unwrap_or_default();
    let f = Fields {
        rating: RwSignal::new(from.as_ref().map(|r| r.rating.stars())),
        title: RwSignal::new(from.as_ref().map(|r| r.title.clone()).unwrap_or_default()),
        body: RwSignal::new(from.as_ref().map(|r| r.body.clone()).unwrap_or_default()),
        name: RwSignal::new(
            from.as_ref()
                .map(|r| r.display_name.clone())
                .unwrap_or_default(),
        ),
        fit: RwSignal::new(from.as_ref().and_then(|r| r.attributes.fit)),
        recommend: RwSignal::new(from.as_ref().and_then(|r| r.attributes.would_recommend)),
        photos: RwSignal::new_local(stored_photos.iter().map(Row::stored).collect()),
        errors: RwSignal::new(Vec::new()),
    };
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let key = StoredValue::new(random_id());
    let client = StoredValue::new(client);
    let sku = subject.sku.clone();
    let edit_id = existing.as_ref().map(|r| r.id);
    let form = NodeRef::<Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        failed.set(false);
        if f.photos
            .with_untracked(|p| p.iter().any(|r| r.id.is_none() && r.failed.is_none()))
        {
            return; // a photo is still on its way; the button says so
        }
        let input = match f.input(&sku) {
            Ok(i) => i,
            Err(problems) => {
                f.errors.set(problems);
                focus_first_invalid(form);
                return;
            }
        };
        f.errors.set(Vec::new());
        busy.set(true);
        let Some(c) = client.try_get_value() else {
            return;
        };
        let k = key.get_value();
        spawn_local(async move {
            let r = match edit_id {
                Some(id) => c.edit_review(id, &input).await,
                None => c.submit_review(&input, &k).await,
            };
            if busy.try_set(false).is_some() {
                return; // the form is gone
            }
            match r {
                Ok(review) => {
                    events.emit(
                        "aftercare:review-submitted",
                        &[
                            ("sku", JsValue::from_str(&review.sku)),
                            ("review_id", JsValue::from_f64(review.id as f64)),
                            ("rating", JsValue::from(review.rating.stars())),
                            ("status", JsValue::from_str(review.status.as_str())),
                            ("edited", JsValue::from_bool(edit_id.is_some())),
                        ],
                    );
                    on_done.run(review);
                }
                Err(e) => {
                    let fields: Vec<(String, Rev<'static>)> = match &e {
                        ClientError::Api { error, .. } => error
                            .fields
                            .iter()
                            .map(|FieldError { field, issue, .. }| {
                                (field.clone(), problem(field, *issue))
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    if fields.is_empty() {
                        failed.set(true);
                    } else {
                        f.errors.set(fields);
                        focus_first_invalid(form);
                    }
                    events.error(&e);
                }
            }
        });
    };
    let (editing, named) = (existing.is_some(), subject.title.clone());
    let heading = move || {
        let l = locale.get();
        if editing {
            rv(l, Rev::EditHeading(&named))
        } else {
            rv(l, Rev::FormHeading(&named))
        }
    };
    let asks = |a: ReviewAttribute| subject.attributes.contains(&a);
    let (ask_fit, ask_rec) = match &existing {
        Some(r) => (
            r.attributes.fit.is_some() || asks(ReviewAttribute::Fit),
            r.attributes.would_recommend.is_some() || asks(ReviewAttribute::WouldRecommend),
        ),
        None => (
            asks(ReviewAttribute::Fit),
            asks(ReviewAttribute::WouldRecommend),
        ),
    };
    let uploading = move || {
        f.photos
            .with(|p| p.iter().any(|r| r.id.is_none() && r.failed.is_none()))
    };
    let label = move || {
        let l = locale.get();
        if busy.get() {
            rv(l, Rev::Sending)
        } else if uploading() {
            rv(l, Rev::Uploading)
        } else if edit_id.is_some() {
            rv(l, Rev::SaveChanges)
        } else {
            rv(l, Rev::Submit)
        }
    };
    view! {
        <form class="rv-form" part="form" novalidate node_ref=form on:submit=submit>
            <h2 tabindex="-1">{heading}</h2>
            {existing.is_some().then(|| view! { <p class="muted">{tv(locale, Rev::EditNote)}</p> })}
            {subject.incentive.clone().filter(|_| existing.is_none()).map(|o| view! {
                <p class="incentive">{move || rv(locale.get(), Rev::IncentiveOffer(&o))}</p>
            })}
            <StarInput rating=f.rating locale=locale error=f.error("rating", locale) />
            {text_field(Rev::TitleLabel, None, f.title, f.error("title", locale), MAX_TITLE, false, locale)}
            {text_field(Rev::BodyLabel, Some(Rev::BodyHint(MIN_BODY)), f.body, f.error("body", locale), MAX_BODY, true, locale)}
            {ask_fit.then(|| choice(
                Rev::FitLegend,
                [Fit::RunsSmall, Fit::TrueToSize, Fit::RunsLarge].map(|v| (v, Rev::Fit(v))).to_vec(),
                f.fit,
                locale,
            ))}
            {ask_rec.then(|| choice(Rev::RecommendLegend, vec![(true, Rev::Yes), (false, Rev::No)], f.recommend, locale))}
            <PhotoField rows=f.photos upload_to=upload_to locale=locale events=events error=f.error("photo_ids", locale) />
            {text_field(Rev::NameLabel, Some(Rev::NameHint), f.name, f.error("display_name", locale), MAX_DISPLAY_NAME, false, locale)}
            <p class="form-error" role="alert">
                {move || failed.get().then(|| rv(locale.get(), Rev::SendFailed))}
            </p>
            <div class="nav">
                <button
                    type="submit"
                    class="btn"
                    part="button"
                    aria-disabled=move || (busy.get() || uploading()).then_some("true")
                >
                    {label}
                </button>
                <button type="button" class="btn secondary" part="button" on:click=move |_| on_cancel.run(())>
                    {tv(locale, Rev::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// Focus the first field marked invalid, so keyboard and screen-reader users land on it.
fn focus_first_invalid(form: NodeRef<Form>) {
    request_animation_frame(move || {
        let Some(f) = form.get_untracked() else {
            return;
        };
        if let Ok(Some(el)) = f.query_selector("[aria-invalid=true] input, [aria-invalid=true]") {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}
