//! The link table checked against the document as served: a link whose operation, parameter
//! or JSON pointer does not exist is a chain no client (and no fuzzer) can follow, and
//! Schemathesis refuses to start its stateful phase on one.

use super::{operations, Link, PRODUCERS};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Answers that hold an id but get no link, and why.
const UNLINKED: &[(&str, &str)] = &[
    // `response_id` names the answer just marked, and only this route takes it.
    ("followed_up", "200"),
    // `review_id` names the review just voted for, and only this route takes it (again).
    ("vote_helpful", "200"),
];

/// Field names that hold what another operation takes.
const ID_FIELDS: &[&str] = &[
    "id",
    "rma",
    "order_number",
    "shipment_id",
    "request_id",
    "response_id",
    "review_id",
    "sku",
];

/// `schema` and what it stands for: the schema a `$ref` names, and every `allOf`/`oneOf`/
/// `anyOf` branch (a value may match any of them).
fn expand<'a>(doc: &'a Value, schema: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let target = r
            .strip_prefix('#')
            .and_then(|p| doc.pointer(p))
            .unwrap_or_else(|| panic!("dangling $ref {r}"));
        expand(doc, target, out);
    }
    out.push(schema);
    for key in ["allOf", "oneOf", "anyOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            expand(doc, branch, out);
        }
    }
}

/// The schemas a JSON pointer (`/items/0/id`) can reach from `root`: a name is a property,
/// a number an array's item.
fn resolve<'a>(doc: &'a Value, root: &'a Value, pointer: &str) -> Vec<&'a Value> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return if pointer.is_empty() {
            vec![root]
        } else {
            vec![]
        };
    };
    let mut here = vec![root];
    for token in rest.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        let mut next = Vec::new();
        for schema in here {
            let mut all = Vec::new();
            expand(doc, schema, &mut all);
            for s in all {
                if token.parse::<usize>().is_ok() {
                    next.extend(s.get("items"));
                }
                next.extend(s.get("properties").and_then(|p| p.get(&token)));
            }
        }
        here = next;
    }
    here
}

/// The JSON types a value of these schemas can have (`null` aside).
fn types(doc: &Value, schemas: &[&Value]) -> BTreeSet<String> {
    let mut all = Vec::new();
    for s in schemas {
        expand(doc, s, &mut all);
    }
    let mut out = BTreeSet::new();
    for s in all {
        match s.get("type") {
            Some(Value::String(t)) => {
                out.insert(t.clone());
            }
            Some(Value::Array(ts)) => {
                out.extend(ts.iter().filter_map(Value::as_str).map(String::from));
            }
            _ => {}
        }
    }
    out.remove("null");
    out
}

/// A value of `from`'s types fits a parameter of `to`'s (an integer is a number).
fn fits(from: &BTreeSet<String>, to: &BTreeSet<String>) -> bool {
    !from.is_empty()
        && from
            .iter()
            .all(|t| to.contains(t) || (t == "integer" && to.contains("number")))
}

fn json_schema(holder: &Value) -> Option<&Value> {
    holder.pointer("/content/application~1json/schema")
}

/// The schemas an expression's value can have, given the operation and answer it is read from;
/// an error when it reaches nothing.
fn source<'a>(
    doc: &'a Value,
    op: &'a Value,
    status: &str,
    expr: &str,
) -> Result<Vec<&'a Value>, String> {
    let (root, pointer) = if let Some(pointer) = expr.strip_prefix("$response.body#") {
        let response = &op["responses"][status];
        (
            json_schema(response).ok_or("the answer has no JSON body")?,
            pointer,
        )
    } else if let Some(pointer) = expr.strip_prefix("$request.body#") {
        (
            json_schema(&op["requestBody"]).ok_or("the request has no JSON body")?,
            pointer,
        )
    } else if let Some(name) = expr.strip_prefix("$request.path.") {
        let param = parameter(op, name).filter(|p| p["in"] == "path");
        return param
            .map(|p| vec![&p["schema"]])
            .ok_or_else(|| format!("no path parameter `{name}`"));
    } else {
        return Err("not an expression this table uses".into());
    };
    let found = resolve(doc, root, pointer);
    if found.is_empty() {
        Err(format!("`{pointer}` is not in the schema"))
    } else {
        Ok(found)
    }
}

fn parameter<'a>(op: &'a Value, name: &str) -> Option<&'a Value> {
    op["parameters"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
}

/// Every problem with `link` on `producer`'s `status` answer.
fn check(doc: &Value, producer: &Value, status: &str, link: &Link, out: &mut Vec<String>) {
    let ops = operations(doc);
    let Some((path, method)) = ops.get(link.operation) else {
        out.push(format!("no operation `{}`", link.operation));
        return;
    };
    let target = &doc["paths"][path][method];
    let mut problem = |what: String| out.push(format!("→ {}: {what}", link.operation));
    for (name, expr) in link.parameters {
        let Some(param) = parameter(target, name) else {
            problem(format!("no parameter `{name}`"));
            continue;
        };
        match source(doc, producer, status, expr) {
            Ok(found) => {
                let (from, to) = (types(doc, &found), types(doc, &[&param["schema"]]));
                if !fits(&from, &to) {
                    problem(format!("`{expr}` is {from:?}, `{name}` takes {to:?}"));
                }
            }
            Err(e) => problem(format!("`{expr}`: {e}")),
        }
    }
    for p in target["parameters"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or_default();
        if p["in"] == "path" && !link.parameters.iter().any(|(n, _)| *n == name) {
            problem(format!("path parameter `{name}` left out"));
        }
    }
    for (field, expr) in link.body {
        let fields = json_schema(&target["requestBody"])
            .map(|body| resolve(doc, body, &format!("/{field}")))
            .unwrap_or_default();
        if fields.is_empty() {
            problem(format!("no body field `{field}`"));
            continue;
        }
        match source(doc, producer, status, expr) {
            Ok(found) if !fits(&types(doc, &found), &types(doc, &fields)) => {
                problem(format!("`{expr}` does not fit body field `{field}`"));
            }
            Ok(_) => {}
            Err(e) => problem(format!("`{expr}`: {e}")),
        }
    }
}

/// Every operationId, status, parameter and pointer of the table is in the served document,
/// and each value has the type the parameter it fills takes.
#[test]
fn every_link_resolves_in_the_document() {
    let doc = crate::http::document();
    let ops = operations(&doc);
    let mut problems = Vec::new();
    let mut producers = BTreeSet::new();
    for p in PRODUCERS {
        assert!(
            producers.insert(p.operation),
            "{} listed twice",
            p.operation
        );
        let Some((path, method)) = ops.get(p.operation) else {
            problems.push(format!("no producer `{}`", p.operation));
            continue;
        };
        let op = &doc["paths"][path][method];
        let mut names = BTreeSet::new();
        for link in p.links {
            if !names.insert(link.operation) {
                problems.push(format!(
                    "{}: two links to `{}`",
                    p.operation, link.operation
                ));
            }
        }
        for status in p.statuses {
            if !op["responses"][status].is_object() {
                problems.push(format!("{}: no {status} answer", p.operation));
                continue;
            }
            let mut found = Vec::new();
            for link in p.links {
                check(&doc, op, status, link, &mut found);
            }
            problems.extend(
                found
                    .into_iter()
                    .map(|f| format!("{} {status} {f}", p.operation)),
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The document carries exactly the table's links, as OpenAPI Link Objects.
#[test]
fn the_document_carries_the_links() {
    let doc = crate::http::document();
    let written: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .flat_map(|op| op["responses"].as_object().into_iter().flatten())
        .map(|(_, r)| r["links"].as_object().map_or(0, serde_json::Map::len))
        .sum();
    assert_eq!(written, super::count());
    let created = &doc["paths"]["/v1/orders/{order_number}/returns"]["post"]["responses"]["201"];
    assert_eq!(
        created["links"]["get_return"],
        json!({
            "operationId": "get_return",
            "parameters": {"rma": "$response.body#/rma"},
            "description": "Then `GET /v1/returns/{rma}`, with `rma` from `$response.body#/rma`."
        })
    );
    let pending = &doc["paths"]["/v1/me/reviews/pending"]["get"]["responses"]["200"];
    assert_eq!(
        pending["links"]["submit"]["requestBody"],
        json!({"sku": "$response.body#/0/sku"})
    );
}

/// A new answer that holds an id gets its links (or a reason in [`UNLINKED`]): the id at
/// the top, in the first item of an array, or in the first item of a page.
#[test]
fn every_answer_holding_an_id_is_linked() {
    let doc = crate::http::document();
    let mut missing = Vec::new();
    for (id, (path, method)) in operations(&doc) {
        let op = &doc["paths"][&path][&method];
        for (status, response) in op["responses"].as_object().into_iter().flatten() {
            let Some(schema) = json_schema(response).filter(|_| status.starts_with('2')) else {
                continue;
            };
            let mut holders = resolve(&doc, schema, "");
            holders.extend(resolve(&doc, schema, "/0"));
            holders.extend(resolve(&doc, schema, "/items/0"));
            let holds_id = ID_FIELDS.iter().any(|f| {
                holders
                    .iter()
                    .any(|h| !resolve(&doc, h, &format!("/{f}")).is_empty())
            });
            let linked = PRODUCERS
                .iter()
                .any(|p| p.operation == id && p.statuses.contains(&status.as_str()));
            let excused = UNLINKED.contains(&(id.as_str(), status.as_str()));
            if holds_id && !linked && !excused {
                missing.push(format!("{id} {status} ({} {path})", method.to_uppercase()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "answers with an id and no links: {missing:?}"
    );
}

/// The checks above would see a wrong link: the resolver follows `$ref`s, `allOf` branches
/// and array items, and finds nothing where the schema has nothing.
#[test]
fn the_checks_catch_a_wrong_link() {
    let doc = json!({
        "paths": {
            "/a": {"post": {"operationId": "make", "responses": {"201": {"content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Made"}
            }}}}}},
            "/b/{id}": {"get": {"operationId": "read", "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}
            ], "responses": {}}}
        },
        "components": {"schemas": {
            "Made": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"name": {"type": "string"}}}]},
            "Base": {"properties": {"id": {"type": "integer"}, "parts": {"type": "array", "items": {"properties": {"id": {"type": "integer"}}}}}}
        }}
    });
    let producer = &doc["paths"]["/a"]["post"];
    let problems = |parameters: &'static [(&'static str, &'static str)]| {
        let mut out = Vec::new();
        let link = Link {
            operation: "read",
            parameters,
            body: &[],
        };
        check(&doc, producer, "201", &link, &mut out);
        out
    };
    assert!(problems(&[("id", "$response.body#/id")]).is_empty());
    assert!(problems(&[("id", "$response.body#/parts/0/id")]).is_empty());
    let wrongs: [&'static [(&str, &str)]; 5] = [
        &[("id", "$response.body#/ident")],
        &[("id", "$response.body#/name")],
        &[("id", "$request.path.id")],
        &[("ident", "$response.body#/id")],
        &[],
    ];
    for wrong in wrongs {
        assert!(!problems(wrong).is_empty(), "{wrong:?}");
    }
}
