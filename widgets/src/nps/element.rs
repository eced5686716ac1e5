//! The `aftercare-nps` custom element: its attributes become [`NpsWidget`]'s props.

use super::NpsWidget;
use crate::i18n;
use crate::shell::ElementProps;
use aftercare_shared::survey::SurveyKind;
use leptos::prelude::*;

/// The custom element's view: attributes become the component's props.
pub(crate) fn element_view(p: ElementProps) -> AnyView {
    let locale_attr = p.attrs.get("locale");
    let locale = i18n::element_locale(locale_attr);
    let kind_attr = p.attrs.get("kind");
    let kind = Signal::derive(move || {
        kind_attr
            .get()
            .and_then(|k| SurveyKind::from_wire(&k.to_ascii_lowercase()))
            .unwrap_or(SurveyKind::Nps)
    });
    let layout = p.attrs.get("layout");
    view! {
        <NpsWidget
            api=p.api
            publishable_key=p.key
            token=p.attrs.get("token")
            kind=kind
            locale=locale
            floating=Signal::derive(move || layout.get().as_deref() == Some("floating"))
            order=p.attrs.get("order")
        />
    }
    .into_any()
}
