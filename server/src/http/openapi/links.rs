//! OpenAPI Link Objects: which answer holds the id (RMA, order number, review id…) that
//! another operation takes, so that a client generator, a reader of the document, and a
//! stateful fuzzer (Schemathesis) can chain the calls a real client makes — create a return,
//! then read it, then let the store act on it — instead of guessing the connections.
//!
//! [`PRODUCERS`] is the one table: for an operation's answers (operationId and statuses), the
//! links that follow, each naming the operation it leads to and how each of that operation's
//! parameters is taken from the answer (`$response.body#/…`) or from the request that got it
//! (`$request.path.…`). [`apply`] writes them into the finished document; the unit tests in
//! `links_tests.rs` check every operationId, parameter and JSON pointer against the document,
//! so a renamed field or route cannot leave a link pointing nowhere.
//!
//! What gets a link: every answer that holds an id another operation takes, when that other
//! operation can act on it with the credentials a client holds:
//! - within the shopper routes and within the admin routes, always;
//! - from a shopper's creation (a return, a request, a review, a survey answer) to the admin
//!   routes that act on it, as the store's workflow does: the secret key sees every shopper's;
//! - from a review the store moderates to its public page and helpful votes (publishable key);
//! - never from the admin routes to a customer's routes: an admin answer names orders of any
//!   customer, which one customer's token cannot open.
//!
//! Not linked, because no runtime expression can carry it: the label and QR pages of a return
//! (`label_url`, `qr_url`) need the capability in their query, which is only inside the URL.
//! Deliberately without links (nothing else takes their id): see `UNLINKED` in the tests.
//!
//! A few links also set one field of the next request's body (`body`): OpenAPI leaves a
//! literal `requestBody` as is, and Schemathesis evaluates the expressions inside it and merges
//! them into the body it generates.

use serde_json::{json, Map, Value};

/// One link from an answer to the operation that takes a value it holds.
pub struct Link {
    /// The operationId it leads to; also the link's name (unique within one answer).
    pub operation: &'static str,
    /// The target's parameters (by name) and the runtime expression each is taken from.
    pub parameters: &'static [(&'static str, &'static str)],
    /// Fields of the target's JSON body and the runtime expression each is taken from.
    pub body: &'static [(&'static str, &'static str)],
}

/// The links on the answers of one operation.
pub struct Producer {
    /// The operationId whose answers hold the values.
    pub operation: &'static str,
    /// The statuses of the answers that hold them (each gets every link).
    pub statuses: &'static [&'static str],
    /// Where the values go next.
    pub links: &'static [Link],
}

/// A link filling one parameter of `operation`.
const fn to(operation: &'static str, parameter: &'static [(&'static str, &'static str)]) -> Link {
    Link {
        operation,
        parameters: parameter,
        body: &[],
    }
}

/// A link filling body fields of `operation` (which has no path parameter to fill).
const fn body(operation: &'static str, fields: &'static [(&'static str, &'static str)]) -> Link {
    Link {
        operation,
        parameters: &[],
        body: fields,
    }
}

const ORDER_NUMBER: &[(&str, &str)] = &[("order_number", "$response.body#/order_number")];
const RMA: &[(&str, &str)] = &[("rma", "$response.body#/rma")];
const ID: &[(&str, &str)] = &[("id", "$response.body#/id")];
const SKU: &[(&str, &str)] = &[("sku", "$response.body#/sku")];
const ITEMS_ORDER_NUMBER: &[(&str, &str)] =
    &[("order_number", "$response.body#/items/0/order_number")];
const FIRST_ORDER_NUMBER: &[(&str, &str)] = &[("order_number", "$response.body#/0/order_number")];
const FIRST_ADDRESS: &[(&str, &str)] = &[("id", "$response.body#/addresses/0/id")];
const ITEMS_RMA: &[(&str, &str)] = &[("rma", "$response.body#/items/0/rma")];
const ITEMS_ID: &[(&str, &str)] = &[("id", "$response.body#/items/0/id")];
const FIRST_SHIPMENT: &[(&str, &str)] = &[("shipment_id", "$response.body#/shipments/0/id")];
const FIRST_REQUEST: &[(&str, &str)] = &[("id", "$response.body#/requests/0/id")];
const REVIEW_PHOTO: &[(&str, &str)] = &[("id", "$response.body#/photos/0/id")];

/// Every link the document declares, by the operation whose answers hold the values.
pub const PRODUCERS: &[Producer] = &[
    // Admin: orders, parcels and their events, requests.
    Producer {
        operation: "put_order",
        statuses: &["200", "201"],
        links: &[
            to("get_admin_order", ORDER_NUMBER),
            to("add_shipment", ORDER_NUMBER),
            to("add_events", FIRST_SHIPMENT),
            to("decide", FIRST_REQUEST),
            body("create_link", ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "get_admin_order",
        statuses: &["200"],
        links: &[
            to("put_order", ORDER_NUMBER),
            to("add_shipment", ORDER_NUMBER),
            to("add_events", FIRST_SHIPMENT),
            to("decide", FIRST_REQUEST),
            body("create_link", ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "add_shipment",
        statuses: &["201"],
        links: &[
            to("add_events", &[("shipment_id", "$response.body#/id")]),
            to(
                "get_admin_order",
                &[("order_number", "$request.path.order_number")],
            ),
        ],
    },
    Producer {
        operation: "admin_requests",
        statuses: &["200"],
        links: &[
            to("decide", ITEMS_ID),
            to("get_admin_order", ITEMS_ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "decide",
        statuses: &["200"],
        links: &[to("get_admin_order", ORDER_NUMBER)],
    },
    // Admin: returns.
    Producer {
        operation: "admin_list",
        statuses: &["200"],
        links: &[
            to("admin_get", ITEMS_RMA),
            to("admin_status", ITEMS_RMA),
            to("get_admin_order", ITEMS_ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "admin_get",
        statuses: &["200"],
        links: &[to("admin_status", RMA), to("get_admin_order", ORDER_NUMBER)],
    },
    Producer {
        operation: "admin_status",
        statuses: &["200"],
        links: &[to("admin_get", RMA), to("get_admin_order", ORDER_NUMBER)],
    },
    // Admin: reviews (a published review is the public's: its page and helpful votes).
    Producer {
        operation: "admin_reviews",
        statuses: &["200"],
        links: &[
            to("moderate", ITEMS_ID),
            to("put_reply", ITEMS_ID),
            to("delete_reply", ITEMS_ID),
        ],
    },
    Producer {
        operation: "moderate",
        statuses: &["200"],
        links: &[
            to("put_reply", ID),
            to("delete_reply", ID),
            to("vote_helpful", ID),
            to("product_reviews", SKU),
        ],
    },
    Producer {
        operation: "put_reply",
        statuses: &["200"],
        links: &[to("moderate", ID), to("delete_reply", ID)],
    },
    Producer {
        operation: "delete_reply",
        statuses: &["200"],
        links: &[to("moderate", ID), to("put_reply", ID)],
    },
    // Admin: insights and survey reports.
    Producer {
        operation: "report",
        statuses: &["200"],
        links: &[
            to(
                "followed_up",
                &[("id", "$response.body#/comments/0/response_id")],
            ),
            to(
                "get_admin_order",
                &[("order_number", "$response.body#/comments/0/order_number")],
            ),
        ],
    },
    Producer {
        operation: "anxious_customers",
        statuses: &["200"],
        links: &[to("get_admin_order", FIRST_ORDER_NUMBER)],
    },
    Producer {
        operation: "parcel_alerts",
        statuses: &["200"],
        links: &[
            to(
                "add_events",
                &[("shipment_id", "$response.body#/0/shipment_id")],
            ),
            to("get_admin_order", FIRST_ORDER_NUMBER),
        ],
    },
    // Shopper: orders.
    Producer {
        operation: "lookup",
        statuses: &["200"],
        links: &[
            to("get_order", ORDER_NUMBER),
            to("options", ORDER_NUMBER),
            to("estimate", ORDER_NUMBER),
            to("create", ORDER_NUMBER),
            to("request_cancellation", ORDER_NUMBER),
            to("request_address_change", ORDER_NUMBER),
            to("withdraw", ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "list",
        statuses: &["200"],
        links: &[
            to("get_order", ITEMS_ORDER_NUMBER),
            to("options", ITEMS_ORDER_NUMBER),
            to("estimate", ITEMS_ORDER_NUMBER),
            to("create", ITEMS_ORDER_NUMBER),
            to("request_cancellation", ITEMS_ORDER_NUMBER),
            to("request_address_change", ITEMS_ORDER_NUMBER),
            to("withdraw", ITEMS_ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "get_order",
        statuses: &["200"],
        links: &[
            to("options", ORDER_NUMBER),
            to("estimate", ORDER_NUMBER),
            to("create", ORDER_NUMBER),
            to("request_cancellation", ORDER_NUMBER),
            to("request_address_change", ORDER_NUMBER),
            to("withdraw", ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "get_overview",
        statuses: &["200"],
        links: &[
            to(
                "get_order",
                &[("order_number", "$response.body#/attention/0/order_number")],
            ),
            to("get_return", &[("rma", "$response.body#/attention/0/rma")]),
        ],
    },
    Producer {
        operation: "request_cancellation",
        statuses: &["201"],
        links: &[to("decide", ID), to("get_order", ORDER_NUMBER)],
    },
    Producer {
        operation: "request_address_change",
        statuses: &["201"],
        links: &[to("decide", ID), to("get_order", ORDER_NUMBER)],
    },
    Producer {
        operation: "withdraw",
        statuses: &["200", "201"],
        links: &[to("options", ORDER_NUMBER), to("get_order", ORDER_NUMBER)],
    },
    // Shopper: returns.
    Producer {
        operation: "options",
        statuses: &["200"],
        links: &[
            to("create", ORDER_NUMBER),
            to("estimate", ORDER_NUMBER),
            to("get_return", &[("rma", "$response.body#/returns/0/rma")]),
            to("cancel", &[("rma", "$response.body#/returns/0/rma")]),
        ],
    },
    Producer {
        operation: "create",
        statuses: &["201"],
        links: &[
            to("get_return", RMA),
            to("cancel", RMA),
            to("options", ORDER_NUMBER),
            to("get_order", ORDER_NUMBER),
            to("admin_get", RMA),
            to("admin_status", RMA),
            to(
                "get_return_photo",
                &[("id", "$response.body#/lines/0/photos/0/id")],
            ),
        ],
    },
    Producer {
        operation: "get_return",
        statuses: &["200"],
        links: &[
            to("cancel", RMA),
            to("options", ORDER_NUMBER),
            to("get_order", ORDER_NUMBER),
        ],
    },
    Producer {
        operation: "cancel",
        statuses: &["200"],
        links: &[to("get_return", RMA), to("options", ORDER_NUMBER)],
    },
    Producer {
        operation: "upload_return_photo",
        statuses: &["201"],
        links: &[to("get_return_photo", ID)],
    },
    // Shopper: profile, preferences, own data.
    Producer {
        operation: "get_profile",
        statuses: &["200"],
        links: &[
            to("update_address", FIRST_ADDRESS),
            to("remove_address", FIRST_ADDRESS),
        ],
    },
    // The book lists the default first: the new address when it is the default (the first
    // one saved, or `make_default`), else the default it did not replace.
    Producer {
        operation: "add_address",
        statuses: &["201"],
        links: &[
            to("update_address", FIRST_ADDRESS),
            to("remove_address", FIRST_ADDRESS),
        ],
    },
    Producer {
        operation: "update_address",
        statuses: &["200"],
        links: &[to("remove_address", FIRST_ADDRESS)],
    },
    Producer {
        operation: "remove_address",
        statuses: &["200"],
        links: &[
            to("update_address", FIRST_ADDRESS),
            to("remove_address", FIRST_ADDRESS),
        ],
    },
    Producer {
        operation: "get_preferences",
        statuses: &["200"],
        links: &[to(
            "put_preference",
            &[("topic", "$response.body#/topics/0/topic")],
        )],
    },
    Producer {
        operation: "get_data",
        statuses: &["200"],
        links: &[
            to(
                "get_order",
                &[("order_number", "$response.body#/orders/0/order_number")],
            ),
            to("get_return", &[("rma", "$response.body#/returns/0/rma")]),
            to(
                "update_address",
                &[("id", "$response.body#/profile/addresses/0/id")],
            ),
            to("edit", &[("id", "$response.body#/reviews/0/id")]),
            to(
                "put_response",
                &[("id", "$response.body#/survey_answers/0/id")],
            ),
        ],
    },
    // Shopper: reviews.
    Producer {
        operation: "submit",
        statuses: &["201"],
        links: &[
            to("edit", ID),
            to("product_reviews", SKU),
            to("get_review_photo", REVIEW_PHOTO),
            to("moderate", ID),
            to("put_reply", ID),
            to("delete_reply", ID),
        ],
    },
    Producer {
        operation: "edit",
        statuses: &["200"],
        links: &[
            to("product_reviews", SKU),
            to("get_review_photo", REVIEW_PHOTO),
            to("moderate", ID),
        ],
    },
    Producer {
        operation: "mine",
        statuses: &["200"],
        links: &[
            to("edit", &[("id", "$response.body#/0/id")]),
            to("product_reviews", &[("sku", "$response.body#/0/sku")]),
        ],
    },
    Producer {
        operation: "pending",
        statuses: &["200"],
        links: &[
            to("postpone", &[("sku", "$response.body#/0/sku")]),
            to("product_reviews", &[("sku", "$response.body#/0/sku")]),
            to("get_order", FIRST_ORDER_NUMBER),
            body("submit", &[("sku", "$response.body#/0/sku")]),
        ],
    },
    Producer {
        operation: "postpone",
        statuses: &["200"],
        links: &[to("product_reviews", SKU)],
    },
    Producer {
        operation: "upload_review_photo",
        statuses: &["201"],
        links: &[to("get_review_photo", ID)],
    },
    Producer {
        operation: "product_reviews",
        statuses: &["200"],
        links: &[to(
            "vote_helpful",
            &[("id", "$response.body#/reviews/items/0/id")],
        )],
    },
    // Shopper: surveys (an answer is changed by its id; the store follows it up by the same).
    Producer {
        operation: "prompt",
        statuses: &["200"],
        links: &[to("dismiss", &[("kind", "$response.body#/kind")])],
    },
    Producer {
        operation: "put_response",
        statuses: &["200", "201"],
        links: &[
            to("put_response", ID),
            to("followed_up", ID),
            to("get_order", ORDER_NUMBER),
        ],
    },
];

/// How many links [`apply`] writes (a link per producer status), for the docs and tests.
pub fn count() -> usize {
    PRODUCERS
        .iter()
        .map(|p| p.statuses.len() * p.links.len())
        .sum()
}

/// Write every link of [`PRODUCERS`] into `doc` (the finished OpenAPI 3.1 document as JSON):
/// each as `responses.<status>.links.<target operationId>`, with a description naming the
/// call it leads to. Producers or statuses the document lacks are skipped here; the tests
/// fail on them.
pub fn apply(doc: &mut Value) {
    let targets = operations(doc);
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for producer in PRODUCERS {
        let Some((path, method)) = targets.get(producer.operation) else {
            continue;
        };
        let Some(op) = paths.get_mut(path).and_then(|item| item.get_mut(method)) else {
            continue;
        };
        for status in producer.statuses {
            let Some(response) = op
                .pointer_mut(&format!("/responses/{status}"))
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            let links = response
                .entry("links")
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .expect("links is an object");
            for link in producer.links {
                links.insert(link.operation.to_owned(), link_object(link, &targets));
            }
        }
    }
}

/// operationId → (path, method) of every operation in `doc`.
pub fn operations(doc: &Value) -> std::collections::BTreeMap<String, (String, String)> {
    let mut out = std::collections::BTreeMap::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                out.insert(id.to_owned(), (path.clone(), method.clone()));
            }
        }
    }
    out
}

fn link_object(
    link: &Link,
    targets: &std::collections::BTreeMap<String, (String, String)>,
) -> Value {
    let call = targets
        .get(link.operation)
        .map(|(path, method)| format!("`{} {path}`", method.to_uppercase()))
        .unwrap_or_else(|| format!("`{}`", link.operation));
    let taken: Vec<String> = link
        .parameters
        .iter()
        .chain(link.body)
        .map(|(name, expr)| format!("`{name}` from `{expr}`"))
        .collect();
    let mut object = Map::new();
    object.insert("operationId".into(), link.operation.into());
    if !link.parameters.is_empty() {
        object.insert("parameters".into(), pairs(link.parameters));
    }
    if !link.body.is_empty() {
        object.insert("requestBody".into(), pairs(link.body));
    }
    object.insert(
        "description".into(),
        format!("Then {call}, with {}.", taken.join(", ")).into(),
    );
    Value::Object(object)
}

fn pairs(pairs: &[(&str, &str)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(name, expr)| ((*name).to_owned(), Value::from(*expr)))
            .collect(),
    )
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
