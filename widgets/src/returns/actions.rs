//! What the flow asks the server: the estimate, creating the return (with the draft's own
//! idempotency key), its status page and its refresh, cancelling it, and the withdrawal.
//! Each request runs as a task of the flow; its answer changes the flow's signals only while
//! the flow exists.

use super::draft::{self, Draft, Problem, Step};
use super::state::{status_wire, AfterOptions, Estimate, Flow, Focus, Screen};
use super::upload;
use crate::i18n::{t, Msg};
use crate::shell::{page_hidden, Failure};
use aftercare_shared::api::{ReturnDetail, ReturnOptions, WithdrawalInput};
use aftercare_shared::client::{ClientError, RetryPolicy};
use aftercare_shared::error::ErrorCode;
use aftercare_shared::OrderNumber;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

impl Flow {
    /// Load (or reload) the order's return options; `then` decides what to show afterwards.
    pub(crate) fn load_options(self, then: AfterOptions) {
        let (Some(client), Some(Some(number))) = (self.client(), self.number.try_get_untracked())
        else {
            return;
        };
        if then != AfterOptions::Keep {
            self.show(Screen::Loading, false);
        }
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_options(&number, l).await;
            if !self.alive() {
                return;
            }
            match r {
                Ok(o) => self.options_loaded(o, then),
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    self.events.error(&e);
                    if then != AfterOptions::Keep {
                        self.show(Screen::Failed(Failure::of(&e)), false);
                    }
                }
            }
        });
    }

    fn options_loaded(self, mut o: ReturnOptions, then: AfterOptions) {
        // Keep the order's lines in a stable order whatever the server sends.
        o.lines.sort_by_key(|l| l.item_id);
        let mut resume = Ok(Step::Items);
        self.draft.update(|d| {
            d.reconcile(&o);
            resume = match then {
                AfterOptions::Restore => match d.rma.clone() {
                    Some(rma) => Err(rma),
                    None => Ok(d.resume_at(d.step, &o)),
                },
                AfterOptions::Items => Ok(Step::Items),
                AfterOptions::Keep => Ok(d.step),
            };
        });
        // Same screen, fresh data (a language change): the screen rebuilds in place.
        self.options.set(Some(o));
        match (then, resume) {
            (AfterOptions::Keep, _) => {}
            (_, Err(rma)) => self.open_status(rma, false),
            (then, Ok(step)) => {
                let focus = self.focus.get_value() == Focus::Heading;
                // A message for the shopper (a conflict) survives the move to the step.
                let notice = self.notice.get_untracked();
                self.go(step, focus || then == AfterOptions::Items);
                self.notice.set(notice);
            }
        }
    }

    /// Move to `step` (saved with the draft).
    pub(crate) fn go(self, step: Step, focus: bool) {
        self.draft.update(|d| d.step = step);
        self.problems.set(Vec::new());
        self.tried.set(false);
        self.notice.set(None);
        self.confirm.set(false);
        self.save();
        if step == Step::Review {
            self.estimate();
        }
        self.show(Screen::Step(step), focus);
    }

    /// Continue (the step's form was submitted): validate, then next step or submit.
    pub(crate) fn submit(self) {
        let Screen::Step(step) = self.screen.get_untracked() else {
            return;
        };
        let problems = self.check(step);
        if !problems.is_empty() {
            self.problems.set(problems);
            self.tried.set(true);
            self.focus_on(Focus::Problem);
            return;
        }
        if step == Step::Review {
            return self.create();
        }
        let next = self.with_options(|o, d| d.next(step, o)).flatten();
        if let Some(next) = next {
            self.go(next, true);
        }
    }

    /// Back one step.
    pub(crate) fn back(self) {
        let Screen::Step(step) = self.screen.get_untracked() else {
            return;
        };
        if let Some(Some(prev)) = self.with_options(|o, d| d.prev(step, o)) {
            self.go(prev, true);
        }
    }

    /// Ask the server what the return is worth (Review step).
    pub(crate) fn estimate(self) {
        let l = self.lang();
        let (Some(client), Some(Some(number)), Some(Some(input))) = (
            self.client(),
            self.number.try_get_untracked(),
            self.options.try_with_untracked(|o| {
                o.as_ref()
                    .map(|o| self.draft.with_untracked(|d| d.input(o, l)))
            }),
        ) else {
            return;
        };
        self.estimate.set(Estimate::Loading);
        self.asked.set_value(Some(input.clone()));
        spawn_local(async move {
            let r = client.estimate_return(&number, &input).await;
            // The shopper went back and changed something meanwhile: a newer answer is coming.
            if self.asked.try_with_value(|a| a.as_ref() == Some(&input)) != Some(true) {
                return;
            }
            let est = match r {
                Ok(e) => Estimate::Ready(e),
                Err(e) if self.expired(&e) => return,
                Err(_) => Estimate::Failed,
            };
            self.estimate.set(est);
        });
    }

    /// Review → create the return with the draft's idempotency key.
    pub(crate) fn create(self) {
        if self.busy.get_untracked() {
            return;
        }
        let l = self.lang();
        let (Some(client), Some(Some(number)), Some(Some((input, key)))) = (
            self.client(),
            self.number.try_get_untracked(),
            self.options.try_with_untracked(|o| {
                let o = o.as_ref()?;
                Some(
                    self.draft
                        .with_untracked(|d| (d.input(o, l), d.key.clone())),
                )
            }),
        ) else {
            return;
        };
        self.busy.set(true);
        self.notice.set(None);
        spawn_local(async move {
            let r = client.create_return(&number, &input, &key).await;
            if self.busy.try_set(false).is_some() {
                return;
            }
            match r {
                Ok(detail) => self.created(detail),
                Err(e) => {
                    // Disabling dropped the focus: give it back when the shopper may try again.
                    self.focus_on(Focus::Sel("button[type=submit]".into()));
                    self.create_failed(e);
                }
            }
        });
    }

    fn created(self, d: ReturnDetail) {
        self.emit(
            "aftercare:return-created",
            &[
                ("rma", JsValue::from_str(&d.rma)),
                ("order_number", JsValue::from_str(&d.order_number)),
                ("status", JsValue::from_str(status_wire(d.status))),
                (
                    "units",
                    JsValue::from(d.lines.iter().map(|l| l.quantity).sum::<u32>()),
                ),
            ],
        );
        // Only "last RMA" survives: the status page reopens after a reload.
        self.draft.set(Draft {
            rma: Some(d.rma.clone()),
            ..Draft::new(draft::random_key())
        });
        upload::abort_all(self);
        self.created.set(true);
        self.detail.set(Some(d));
        self.save();
        self.show(Screen::Status, true);
    }

    fn create_failed(self, e: ClientError) {
        if self.expired(&e) {
            return;
        }
        // Only a definite refusal rotates the key; anything else keeps it so a retry replays.
        if draft::needs_new_key(&e) {
            self.draft.update(|d| d.key = draft::random_key());
            self.save();
        }
        match e.code() {
            Some(ErrorCode::ValidationFailed) => {
                let problems: Vec<Problem> = match &e {
                    ClientError::Api { error, .. } => self.draft.with_untracked(|d| {
                        error
                            .fields
                            .iter()
                            .filter_map(|f| d.problem_at(&f.field))
                            .collect()
                    }),
                    _ => Vec::new(),
                };
                match problems.first().map(|p| p.what.step()) {
                    Some(step) => {
                        self.go(step, false);
                        // Shown (and the first control focused) once the step is built.
                        self.problems.set(problems);
                        self.tried.set(true);
                        self.focus_on(Focus::Problem);
                        // What changed on the server (a variant sold out) shows on the step.
                        self.load_options(AfterOptions::Keep);
                    }
                    None => self.say(Msg::SubmitFailed),
                }
            }
            Some(ErrorCode::Conflict) => {
                self.say(Msg::SubmitConflict);
                self.load_options(AfterOptions::Items);
            }
            Some(ErrorCode::IdempotencyKeyReused) => {
                self.say(Msg::SubmitMaybeSent);
                self.load_options(AfterOptions::Items);
            }
            _ if e.is_transient() => {
                self.events.error(&e);
                self.say(Msg::SubmitOffline);
            }
            _ => {
                self.events.error(&e);
                self.say(Msg::SubmitFailed);
            }
        }
    }

    /// Open a return's status page (`created` false: an older return, or after a reload).
    pub(crate) fn open_status(self, rma: String, focus: bool) {
        let Some(client) = self.client() else { return };
        self.show(Screen::Loading, false);
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_detail(&rma, l).await;
            if !self.alive() {
                return;
            }
            match r {
                Ok(d) => {
                    if self.number.get_untracked().is_none() {
                        self.number.set(OrderNumber::parse(&d.order_number).ok());
                    }
                    self.detail.set(Some(d));
                    self.created.set(false);
                    self.confirm.set(false);
                    self.notice.set(None);
                    self.show(Screen::Status, focus);
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    // The remembered return is gone (another account, deleted): start afresh.
                    let forget = Failure::of(&e) == Failure::NotFound
                        && self
                            .draft
                            .with_untracked(|d| d.rma.as_deref() == Some(rma.as_str()));
                    if forget {
                        self.draft.update(|d| d.rma = None);
                        self.save();
                        if self.options.with_untracked(Option::is_some) {
                            return self.go(Step::Items, false);
                        }
                    }
                    self.events.error(&e);
                    self.show(Screen::Failed(Failure::of(&e)), false);
                }
            }
        });
    }

    /// Status page → the order's return form (forgetting "last RMA"; options reloaded, since
    /// the return changed what is returnable).
    pub(crate) fn back_to_order(self) {
        self.draft.update(|d| d.rma = None);
        self.detail.set(None);
        self.withdrawal.set(None);
        self.focus.set_value(Focus::Heading);
        self.save();
        self.load_options(AfterOptions::Items);
    }

    /// One status refresh (poll or tab shown again); a change is shown and announced.
    pub(crate) fn poll(self) {
        if page_hidden()
            || self.screen.try_get_untracked() != Some(Screen::Status)
            || self.polling.get_value()
            || self.busy.get_untracked()
        {
            return;
        }
        // A refunded, exchanged, rejected or cancelled return never changes again.
        let Some(rma) = self.detail.with_untracked(|d| {
            d.as_ref()
                .filter(|d| !d.status.is_final())
                .map(|d| d.rma.clone())
        }) else {
            return;
        };
        let Some(client) = self.client() else { return };
        let client = client.with_retry(RetryPolicy::NONE);
        self.polling.set_value(true);
        let l = self.lang();
        spawn_local(async move {
            let r = client.return_detail(&rma, l).await;
            if self.polling.try_set_value(false).is_some() {
                return;
            }
            if let Ok(d) = r {
                self.detail_changed(d, false);
            }
        });
    }

    /// A fresh detail for the status page: shown when it differs; a new status is announced.
    fn detail_changed(self, d: ReturnDetail, by_shopper: bool) {
        if self.screen.get_untracked() != Screen::Status {
            return;
        }
        let Some(before) = self
            .detail
            .with_untracked(|o| o.as_ref().filter(|o| o.rma == d.rma).map(|o| o.status))
        else {
            return;
        };
        if self.detail.with_untracked(|o| o.as_ref() == Some(&d)) {
            return;
        }
        let (status, rma) = (d.status, d.rma.clone());
        self.detail.set(Some(d));
        if before != status {
            let l = self.lang();
            let label = t(l, Msg::ReturnStatus(status));
            self.announce(t(l, Msg::StatusChanged(&label)));
            if !by_shopper {
                self.emit(
                    "aftercare:return-updated",
                    &[
                        ("rma", JsValue::from_str(&rma)),
                        ("status", JsValue::from_str(status_wire(status))),
                    ],
                );
            }
        }
    }

    /// Open or close "Cancel this return?", moving focus to what replaced the pressed button.
    pub(crate) fn ask_cancel(self, open: bool) {
        self.confirm.set(open);
        self.notice.set(None);
        self.focus_on(Focus::Sel(
            if open { ".confirm" } else { ".cancel button" }.into(),
        ));
    }

    /// "Yes, cancel the return".
    pub(crate) fn cancel(self) {
        if self.busy.get_untracked() {
            return;
        }
        let (Some(client), Some(rma)) = (
            self.client(),
            self.detail
                .with_untracked(|d| d.as_ref().map(|d| d.rma.clone())),
        ) else {
            return;
        };
        self.busy.set(true);
        self.notice.set(None);
        let l = self.lang();
        spawn_local(async move {
            let r = client.cancel_return(&rma, l).await;
            if self.busy.try_set(false).is_some() {
                return;
            }
            match r {
                Ok(d) => {
                    self.emit(
                        "aftercare:return-cancelled",
                        &[
                            ("rma", JsValue::from_str(&d.rma)),
                            ("order_number", JsValue::from_str(&d.order_number)),
                        ],
                    );
                    // Focus the new status line (the buttons are gone).
                    self.confirm.set(false);
                    self.detail_changed(d, true);
                    self.focus_on(Focus::Sel(".state".into()));
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    self.events.error(&e);
                    self.say(Msg::CancelFailed);
                }
            }
        });
    }

    /// "Confirm withdrawal": record the declaration, then show it.
    pub(crate) fn withdraw(self) {
        if self.busy.get_untracked() {
            return;
        }
        let (Some(client), Some(Some(number))) = (self.client(), self.number.try_get_untracked())
        else {
            return;
        };
        self.busy.set(true);
        self.notice.set(None);
        let input = WithdrawalInput {
            confirm: true,
            locale: Some(self.lang()),
        };
        spawn_local(async move {
            let r = client.withdraw(&number, &input).await;
            if self.busy.try_set(false).is_some() {
                return;
            }
            match r {
                Ok(c) => {
                    self.emit(
                        "aftercare:withdrawal-confirmed",
                        &[
                            ("order_number", JsValue::from_str(&c.order_number)),
                            ("reference", JsValue::from_str(&c.reference)),
                        ],
                    );
                    self.options.update(|o| {
                        if let Some(o) = o.as_mut() {
                            if !o.withdrawals.iter().any(|w| w.reference == c.reference) {
                                o.withdrawals.push(c.clone());
                            }
                        }
                    });
                    self.withdrawal.set(Some(c));
                    self.show(Screen::Withdrawn, true);
                }
                Err(e) if self.expired(&e) => {}
                Err(e) => {
                    self.events.error(&e);
                    self.say(Msg::WithdrawFailed);
                }
            }
        });
    }
}
