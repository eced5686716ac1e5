//! A view that is built afresh instead of patched when its place is rendered again.
//!
//! The flow's screens and rows are static once built: when one is rendered again (a language
//! change, a reload, a refreshed status page) the old code threw it away and built it anew.
//! [`Fresh`] does the same, and so the compiler never emits the "patch this exact tree in
//! place" code that every `view!` type otherwise carries: the returns chunk is smaller by that
//! much. Everything that changes inside a screen is its own reactive closure and is untouched.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

/// A view as a type-erased view that is replaced, not patched, when rendered again.
pub(crate) trait IntoFresh {
    /// See the module docs.
    fn fresh(self) -> AnyView;
}

impl<V: Render + Send + 'static> IntoFresh for V {
    fn fresh(self) -> AnyView {
        Fresh(self).into_any()
    }
}

/// See the module docs.
struct Fresh<V>(V);

impl<V: Render> Render for Fresh<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut new = self.0.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

impl<V: Render + Send + 'static> AddAnyAttr for Fresh<V> {
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        self
    }
}

// Client-side rendering only: nothing here is ever rendered to HTML or hydrated.
impl<V: Render + Send + 'static> RenderHtml for Fresh<V> {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Self::State {
        self.0.build()
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
