//! `aftercare-account`: the shopper's one place for their orders. A customer token (printed by
//! the store's backend) opens the order list — filters, search, pagination — and each order's
//! page: its tracking, cancellation and address-change requests, what was bought and paid, where
//! it goes, a printable receipt, and returns started in place; then the profile and address
//! book, communication preferences, and the customer's data (download, erase). Without a token
//! the guest lookup opens that one order's page.
//!
//! It composes the other widgets' components ([`OrderTimeline`](crate::OrderTimeline),
//! [`ReturnFlow`](crate::ReturnFlow), [`ReviewWidget`]) and shares one client and one
//! sign-in with them: a delivered order's page asks for reviews of its items, and "Your
//! reviews" lists every item waiting and the customer's reviews with where each stands.

pub mod address_form;
pub mod attention;
pub mod changes;
pub mod detail;
pub mod orders;
pub mod past_returns;
pub mod preferences;
pub mod privacy;
pub mod profile;
pub mod receipt;

pub use attention::{AttentionList, AttentionListProps};
pub use detail::{OrderDetail, OrderDetailProps};
pub use orders::{OrderList, OrderListProps};
pub use preferences::{PreferencesSection, PreferencesSectionProps};
pub use privacy::{PrivacySection, PrivacySectionProps};
pub use profile::{ProfileSection, ProfileSectionProps};

use crate::i18n::{self, tr, Acc, Msg, Rev};
use crate::review::ReviewWidget;
use crate::shell::{skeleton, Back, ElementProps, Events, GuestLookup};
use aftercare_shared::api::OrderSession;
use aftercare_shared::client::Client;
use aftercare_shared::{Locale, OrderNumber};
use leptos::either::EitherOf4;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The widget's stylesheet: the tracking and return views it shows inside, and its own.
pub const CSS: &str = concat!(
    include_str!("../tracking/tracking.css"),
    include_str!("../returns/returns.css"),
    include_str!("../review/review.css"),
    include_str!("account.css")
);

/// What the inputs ask to show.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    /// A guest without a session: the lookup form.
    Lookup,
    /// A customer's order list.
    Orders(String),
    /// A customer's communication preferences.
    Preferences(String),
    /// A customer's profile and address book.
    Profile(String),
    /// A customer's data: download or erase.
    Privacy(String),
    /// A customer's items waiting for a review, and their reviews.
    Reviews(String),
    /// One order, the sign-in that opens it, and where "back" leads.
    Order(String, OrderNumber, Back),
}

/// The account's sections a signed-in customer moves between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Orders,
    Reviews,
    Profile,
    Preferences,
    Privacy,
}

/// The account page as a Leptos component, for Rust developers composing their own app; the
/// `aftercare-account` custom element renders exactly this.
///
/// Emits `aftercare:ready`, `aftercare:order-loaded`, `aftercare:preferences-saved`,
/// `aftercare:cancel-requested`, `aftercare:address-change-requested`,
/// `aftercare:address-saved`, `aftercare:address-removed`, `aftercare:data-exported`,
/// `aftercare:data-deleted`, `aftercare:lookup-failed` and
/// `aftercare:error` (bubbling, composed) on the host element, or on its root container when
/// used without one; the return flow inside adds its own `aftercare:return-*` events.
#[component]
pub fn AccountWidget(
    /// API base URL, e.g. `https://shop.example` (the client appends `/v1/...`).
    #[prop(into)]
    api: String,
    /// The store's publishable key (`pk_…`).
    #[prop(into)]
    publishable_key: String,
    /// The customer token the store's backend printed. Without one, the guest lookup.
    #[prop(into, optional)]
    token: Signal<Option<String>>,
    /// Open this order first (deep link); with a token, "back" is not offered.
    #[prop(into, optional)]
    order: Signal<Option<String>>,
    /// Prefill for the guest lookup's email.
    #[prop(into, optional)]
    email: Signal<Option<String>>,
    /// The shopper's language (English by default).
    #[prop(into, optional)]
    locale: Signal<Locale>,
) -> impl IntoView {
    let client = Client::new(&api, &publishable_key);
    let root = NodeRef::<Div>::new();
    let events = Events::new(root);
    let session = RwSignal::new(None::<OrderSession>);
    let picked = RwSignal::new(None::<OrderNumber>);
    let section = RwSignal::new(Section::Orders);
    let notice = RwSignal::new(None::<Msg<'static>>);
    // Whether the shopper moved between screens (focus follows) or the page just opened.
    let navigated = StoredValue::new(false);
    let screen = Memo::new(move |_| match token.get() {
        Some(t) => match order.get().and_then(|n| OrderNumber::parse(&n).ok()) {
            Some(n) => Screen::Order(t, n, Back::None),
            None => match (section.get(), picked.get()) {
                (Section::Preferences, _) => Screen::Preferences(t),
                (Section::Profile, _) => Screen::Profile(t),
                (Section::Privacy, _) => Screen::Privacy(t),
                (Section::Reviews, _) => Screen::Reviews(t),
                (Section::Orders, Some(n)) => Screen::Order(t, n, Back::List),
                (Section::Orders, None) => Screen::Orders(t),
            },
        },
        None => match session.get() {
            Some(s) => Screen::Order(s.token, s.order_number, Back::Lookup),
            None => Screen::Lookup,
        },
    });
    // Another customer's token: a choice made in the previous one's list does not carry over.
    Effect::watch(move || token.get(), move |_, _, _| picked.set(None), false);
    // `aftercare:ready` once, when the first real content (not a skeleton) is on screen: the
    // lookup form at once, a list or an order once it has loaded (or failed to).
    let ready = StoredValue::new(false);
    let on_ready = Callback::new(move |_: ()| {
        if ready.try_get_value() == Some(false) {
            ready.set_value(true);
            events.emit(
                "aftercare:ready",
                &[("widget", JsValue::from_str("account"))],
            );
        }
    });
    Effect::new(move |_| {
        if screen.get() == Screen::Lookup {
            on_ready.run(());
        }
    });
    let on_open = Callback::new(move |n: OrderNumber| {
        navigated.set_value(true);
        picked.set(Some(n));
    });
    let on_session = Callback::new(move |s: OrderSession| {
        navigated.set_value(true);
        notice.set(None);
        session.set(Some(s));
    });
    let back = move |b: Back| {
        let (msg, go): (Msg<'static>, Callback<()>) = match b {
            Back::None => return None,
            Back::List => (
                Msg::AllOrders,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    picked.set(None);
                }),
            ),
            Back::Lookup => (
                Msg::LookUpAnother,
                Callback::new(move |_| {
                    navigated.set_value(true);
                    session.set(None);
                }),
            ),
        };
        Some(view! {
            <p class="back">
                <button type="button" class="link" part="button" on:click=move |_| go.run(())>
                    {tr(locale, msg)}
                </button>
            </p>
        })
    };
    let body = move || match screen.get() {
        Screen::Lookup => EitherOf4::A(view! {
            <GuestLookup
                heading=Msg::TrackHeading
                intro=Msg::TrackIntro
                button=Msg::TrackButton
                locale=locale
                order=order
                email=email
                client=client.clone()
                on_session=on_session
                events=events
                notice=notice.get_untracked()
            />
        }),
        Screen::Orders(t) => {
            // Everything appears in one frame — what needs attention and the first rows — in
            // place of the skeleton, so nothing already on screen is pushed down (no layout
            // shift). Both load at once meanwhile, out of sight.
            let settled = RwSignal::new(false);
            let rows = RwSignal::new(false);
            let rows_ready = Callback::new(move |_: ()| {
                rows.set(true);
                on_ready.run(());
            });
            let waiting = move || !(settled.get() && rows.get());
            EitherOf4::B(view! {
                {move || waiting().then(|| skeleton(locale))}
                <div class:held=waiting>
                    <AttentionList client=client.with_token(&t) locale=locale on_open=on_open settled=settled />
                    <OrderList
                        client=client.with_token(&t)
                        locale=locale
                        events=events
                        on_open=on_open
                        on_ready=rows_ready
                        shown=Signal::from(settled)
                    />
                </div>
            })
        }
        Screen::Preferences(t) => EitherOf4::D(
            view! {
                <PreferencesSection client=client.with_token(&t) locale=locale events=events />
            }
            .into_any(),
        ),
        Screen::Profile(t) => EitherOf4::D(
            view! {
                <ProfileSection client=client.with_token(&t) locale=locale events=events />
            }
            .into_any(),
        ),
        Screen::Privacy(t) => EitherOf4::D(
            view! {
                <PrivacySection client=client.with_token(&t) locale=locale events=events />
            }
            .into_any(),
        ),
        Screen::Reviews(t) => EitherOf4::D(
            view! {
                <ReviewWidget
                    api=api.clone()
                    publishable_key=publishable_key.clone()
                    token=Some(t)
                    locale=locale
                    standing=true
                />
            }
            .into_any(),
        ),
        Screen::Order(t, n, b) => EitherOf4::C(view! {
            {back(b)}
            <OrderDetail
                client=client.with_token(&t)
                signed_in=token.get_untracked().is_some()
                token=t
                api=api.clone()
                publishable_key=publishable_key.clone()
                number=n
                locale=locale
                events=events
                root=root
                focus=navigated.get_value()
                on_ready=on_ready
            />
        }),
    };
    // A signed-in customer moves between the account's sections; a guest sees one order.
    let nav = move || {
        token.get().is_some().then(|| {
            let tab = move |s: Section, msg: Msg<'static>| {
                view! {
                    <button
                        type="button"
                        class="tab"
                        part="button tab"
                        aria-current=move || (section.get() == s).then_some("page")
                        on:click=move |_| {
                            navigated.set_value(true);
                            picked.set(None);
                            section.set(s);
                        }
                    >
                        {tr(locale, msg)}
                    </button>
                }
            };
            view! {
                <nav class="tabs" aria-label=move || i18n::t(locale.get(), Msg::AccountSections)>
                    {tab(Section::Orders, Msg::YourOrders)}
                    {tab(Section::Reviews, Msg::Reviews(Rev::YourReviews))}
                    {tab(Section::Profile, Msg::Account(Acc::ProfileTab))}
                    {tab(Section::Preferences, Msg::PreferencesHeading)}
                    {tab(Section::Privacy, Msg::Account(Acc::PrivacyTab))}
                </nav>
            }
        })
    };
    view! {
        <div class="root account" part="container" lang=move || locale.get().tag() node_ref=root>
            {nav}
            {body}
        </div>
    }
}

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale = i18n::element_locale(p.attrs.get("locale"));
    view! {
        <AccountWidget
            api=p.api
            publishable_key=p.key
            token=p.attrs.get("token")
            order=p.attrs.get("order")
            email=p.attrs.get("email")
            locale=locale
        />
    }
    .into_any()
}
