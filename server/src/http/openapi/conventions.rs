//! What every operation can answer by construction, written into the document once instead
//! of repeated (and forgotten) on each handler: the refusals of the layers and extractors a
//! request passes before its handler runs. Each rule below names the code that produces the
//! status, so the document stays exact as routes are added:
//!
//! - a credential in the operation's security → `401` (missing, unknown or expired
//!   credential: [`crate::auth`]); a publishable key → also `403` (origin not allowed, or a
//!   token that may not use this route);
//! - a credentialed `POST` → the `Idempotency-Key` header ([`super::super::idempotency`]) with
//!   its `400` (malformed key), `409` (same key in flight) and `422` (key reused with another
//!   body);
//! - a JSON request body → `400` (not JSON), `413` (over the body limit), `415` (not sent as
//!   JSON) and `422` (a field fails validation) from [`crate::http::plumbing::Json`];
//!   any other body → `413` and `415`;
//! - query parameters → `400` (a query string serde cannot read, such as a repeated field)
//!   and `422` (a value the route's reading of it refuses: [`crate::http::plumbing::ranged`],
//!   `query_enum`, `query_cursor`);
//!   a `locale` among them → the language-tag schema every route reads it with
//!   ([`crate::http::plumbing::query_locale`]) and `422` for a malformed tag.
//!
//! Last, schemas no operation reaches are dropped: generic wrappers such as `Page<T>` inline
//! their `T`, which would otherwise stay behind as an unused component.
//!
//! The rules only add what a handler did not declare itself, so a handler's own, more
//! specific description of a status wins.

use crate::http::plumbing::{LOCALE_TAG_MAX, LOCALE_TAG_PATTERN};
use aftercare_shared::api::{IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_MAX};
use serde_json::{json, Map, Value};

/// Security schemes that put a bearer credential in `Authorization`.
pub const BEARER_SCHEMES: [&str; 3] = ["customer_token", "review_link", "secret_key"];

/// [`aftercare_shared::api::is_idempotency_key`] as a pattern: visible ASCII, no spaces (a UUID fits).
const IDEMPOTENCY_KEY_PATTERN: &str = "^[!-~]+$";

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// Apply every rule to `doc` (an OpenAPI 3.1 document as JSON).
pub fn apply(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        for method in METHODS {
            if let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) {
                apply_to_operation(method, op);
            }
        }
    }
    prune_unused_schemas(doc);
}

/// Drop the component schemas that nothing outside them references, directly or through
/// other schemas.
fn prune_unused_schemas(doc: &mut Value) {
    const PREFIX: &str = "#/components/schemas/";
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    match (k.as_str(), v.as_str()) {
                        ("$ref", Some(r)) => {
                            if let Some(name) = r.strip_prefix(PREFIX) {
                                out.push(name.to_owned());
                            }
                        }
                        _ => refs(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
        .map(std::mem::take)
    else {
        return;
    };
    let mut todo = Vec::new();
    refs(doc, &mut todo);
    let mut used = std::collections::BTreeSet::new();
    while let Some(name) = todo.pop() {
        if used.insert(name.clone()) {
            if let Some(schema) = schemas.get(&name) {
                refs(schema, &mut todo);
            }
        }
    }
    let kept: Map<String, Value> = schemas
        .into_iter()
        .filter(|(name, _)| used.contains(name))
        .collect();
    if let Some(slot) = doc.pointer_mut("/components/schemas") {
        *slot = Value::Object(kept);
    }
}

fn requirement_names(op: &Map<String, Value>) -> Vec<Vec<String>> {
    op.get("security")
        .and_then(Value::as_array)
        .map(|reqs| {
            reqs.iter()
                .map(|r| {
                    r.as_object()
                        .map(|o| o.keys().cloned().collect())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn apply_to_operation(method: &str, op: &mut Map<String, Value>) {
    let reqs = requirement_names(op);
    let credentialed = reqs.iter().any(|r| !r.is_empty());
    let keyed = reqs.iter().flatten().any(|s| s == "publishable_key");
    let has_query = op
        .get("parameters")
        .and_then(Value::as_array)
        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
    let has_locale = set_locale_schema(op);
    let body_types: Vec<String> = op
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        .map(|c| c.keys().cloned().collect())
        .unwrap_or_default();

    let mut add = Vec::<(&str, &str, Option<&str>)>::new();
    if credentialed {
        add.push((
            "401",
            "`unauthorized`, `invalid_key`, `invalid_token` or `token_expired`: the credential is missing, unknown or expired",
            None,
        ));
    }
    if keyed {
        add.push((
            "403",
            "`origin_not_allowed`: the key is used from an origin the store does not allow; `forbidden`: this token may not use this route",
            None,
        ));
    }
    if method == "post" && credentialed {
        set_idempotency_header(op);
        add.push(("400", "`bad_request`: the request is malformed (for example an `Idempotency-Key` that is not 1 to 255 visible characters)", None));
        add.push(("409", "`idempotency_in_flight`: a request with this `Idempotency-Key` is still running; retry after `Retry-After` seconds", Some("Retry-After")));
        add.push(("422", "`idempotency_key_reused`: this `Idempotency-Key` was used with another request; `validation_failed`: a field is not valid", None));
    }
    if body_types.iter().any(|t| t == "application/json") {
        add.push(("400", "`bad_request`: the body is not valid JSON", None));
        add.push((
            "415",
            "`unsupported_media_type`: the body was not sent as `Content-Type: application/json`",
            None,
        ));
        add.push((
            "422",
            "`validation_failed`: a field is missing or not valid (`fields` names each one)",
            None,
        ));
    } else if !body_types.is_empty() {
        add.push((
            "415",
            "`unsupported_media_type`: the body is not of an accepted type",
            None,
        ));
    }
    if !body_types.is_empty() {
        add.push((
            "413",
            "`payload_too_large`: the body is over this route's limit",
            None,
        ));
    }
    if has_query {
        add.push((
            "400",
            "`bad_request`: the query string cannot be read (for example a repeated parameter)",
            None,
        ));
        add.push((
            "422",
            "`validation_failed`: a query parameter is not valid (`fields` names it)",
            None,
        ));
    }
    if has_locale {
        add.push((
            "422",
            "`validation_failed`: `locale` is not shaped like a language tag",
            None,
        ));
    }
    let responses = op
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    for (status, description, header) in add {
        responses
            .entry(status)
            .or_insert_with(|| error_response(description, header));
    }
    for (status, resp) in responses.iter_mut() {
        if matches!(status.as_str(), "409" | "429" | "503") {
            add_retry_after(resp);
        }
    }
}

/// A response in the API's one error shape.
fn error_response(description: &str, header: Option<&str>) -> Value {
    let mut resp = json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
    });
    if header.is_some() {
        add_retry_after(&mut resp);
    }
    resp
}

fn add_retry_after(resp: &mut Value) {
    if let Some(obj) = resp.as_object_mut() {
        let headers = obj.entry("headers").or_insert_with(|| json!({}));
        if let Some(h) = headers.as_object_mut() {
            h.entry("Retry-After").or_insert_with(|| {
                json!({
                    "description": "Seconds to wait before retrying",
                    "schema": {"type": "integer", "minimum": 1}
                })
            });
        }
    }
}

/// Give a `locale` query parameter the language-tag schema; whether there was one.
fn set_locale_schema(op: &mut Map<String, Value>) -> bool {
    let mut found = false;
    for p in op
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter(|p| p["in"] == "query" && p["name"] == "locale")
    {
        found = true;
        p["schema"] = json!({
            "type": "string",
            "maxLength": LOCALE_TAG_MAX,
            "pattern": LOCALE_TAG_PATTERN,
            "examples": ["en", "es-MX", "pt-BR"]
        });
    }
    found
}

/// The one description of the `Idempotency-Key` header, replacing any a handler wrote.
fn set_idempotency_header(op: &mut Map<String, Value>) {
    let params = op
        .entry("parameters")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .expect("parameters is an array");
    params.retain(|p| {
        !(p["in"] == "header"
            && p["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case(IDEMPOTENCY_HEADER)))
    });
    params.push(json!({
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "Makes retries safe: a repeat with the same key and body replays the first answer (`Idempotent-Replayed: true`) for 24 hours. Use a new key (a UUID) for each new request.",
        "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": IDEMPOTENCY_KEY_MAX,
            "pattern": IDEMPOTENCY_KEY_PATTERN
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::api::is_idempotency_key;

    #[test]
    fn a_credentialed_json_post_gets_every_refusal() {
        let mut doc = json!({"paths": {"/x": {"post": {
            "security": [{"publishable_key": [], "customer_token": []}],
            "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": ["string", "null"]}}],
            "requestBody": {"content": {"application/json": {}}},
            "responses": {"201": {"description": "made"}, "422": {"description": "own words"}}
        }}}});
        apply(&mut doc);
        let op = &doc["paths"]["/x"]["post"];
        for s in ["201", "400", "401", "403", "409", "413", "415", "422"] {
            assert!(op["responses"][s].is_object(), "{s}");
        }
        assert_eq!(op["responses"]["422"]["description"], "own words");
        assert!(op["responses"]["409"]["headers"]["Retry-After"].is_object());
        let params = op["parameters"].as_array().unwrap();
        assert_eq!(params.len(), 1);
        assert_eq!(params[0]["schema"]["maxLength"], 255);
    }

    /// The pattern says what the server's check does (ASCII `!` to `~`).
    #[test]
    fn the_pattern_is_the_servers_rule() {
        assert_eq!(IDEMPOTENCY_KEY_PATTERN, "^[!-~]+$");
        for ok in ["a", "0b9c2a8e-3b7c-4f0e-9d59-6c2b3a1f0e11", "~!"] {
            assert!(is_idempotency_key(ok.as_bytes()), "{ok}");
        }
        for bad in ["", "a b", " a", "é", "a\t"] {
            assert!(!is_idempotency_key(bad.as_bytes()), "{bad:?}");
        }
        assert!(!is_idempotency_key(&[b'a'; 256]));
    }

    #[test]
    fn unreferenced_schemas_go_and_referenced_ones_stay() {
        let mut doc = json!({
            "paths": {"/x": {"get": {"security": [{}], "responses": {"200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}
            }}}}},
            "components": {"schemas": {
                "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "string"},
                "Orphan": {"type": "string"}
            }}
        });
        apply(&mut doc);
        let names: Vec<_> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test]
    fn a_public_get_gets_nothing() {
        let mut doc = json!({"paths": {"/x": {"get": {
            "security": [{}],
            "responses": {"200": {"description": "ok"}}
        }}}});
        apply(&mut doc);
        assert_eq!(
            doc["paths"]["/x"]["get"]["responses"]
                .as_object()
                .unwrap()
                .len(),
            1
        );
    }
}
