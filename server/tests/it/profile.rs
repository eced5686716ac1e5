//! The account's profile and address book (`/v1/me/profile`, `/v1/me/addresses`): the seeded
//! profiles, the default rules, the 20-address cap, the per-country rules through the API, who
//! may read and change a book, idempotent saves, the typed client and the OpenAPI document;
//! and what orders now carry for the account page (product pages, refunds, the phone).

use crate::common;

use aftercare_shared::api::{AddressInput, MAX_ADDRESSES};
use aftercare_shared::client::{Client, RetryPolicy};
use aftercare_shared::order::Address;
use aftercare_shared::ErrorCode;
use axum::body::Body;
use axum::http::StatusCode;
use common::profile::*;
use common::surveys::shopper;
use common::*;
use serde_json::{json, Value};

/// Long enough for the clock to move past the previous change's millisecond.
async fn tick() {
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
}

#[tokio::test]
async fn profiles_come_from_the_customer_row_and_the_seeded_book() {
    let t = setup().await;
    let ana = profile(&t, "cus_ana").await;
    assert_eq!(ana["customer"], "cus_ana");
    assert_eq!(ana["name"], "Ana López");
    assert_eq!(ana["email"], "ana@example.com");
    assert_eq!(ana["phone"], "+34 612 345 678");
    assert_eq!(lines(&ana), ["Calle de Alcalá 123*", "Rua Augusta 152"]);
    assert_eq!(ana["addresses"][0]["address"]["country"], "ES");
    assert_eq!(ana["addresses"][1]["address"]["postal_code"], "1100-053");
    assert!(ana["addresses"][0]["updated_at"].is_string());

    let olivia = profile(&t, "cus_olivia").await;
    assert_eq!(lines(&olivia), ["Carrer de Colón 22*"]);
    assert!(olivia.get("phone").is_none(), "no phone in her orders");
    let ben = profile(&t, "cus_ben").await;
    assert_eq!(ben["addresses"], json!([]));

    // A token can name someone the store has no order from: no details, but a book.
    let nobody = profile(&t, "cus_nobody_yet").await;
    assert_eq!(
        nobody,
        json!({"customer": "cus_nobody_yet", "addresses": []})
    );
    let p = add(&t, "cus_nobody_yet", madrid("Calle Mayor 1"), false).await;
    assert_eq!(
        lines(&p),
        ["Calle Mayor 1*"],
        "the first one is the default"
    );
    assert!(p.get("email").is_none());
    assert_eq!(profile(&t, "cus_nobody_yet").await, p);
}

#[tokio::test]
async fn the_default_moves_only_when_asked_or_removed() {
    let t = setup().await;
    let c = "cus_new";
    add(&t, c, madrid("First 1"), false).await;
    tick().await;
    let p = add(&t, c, madrid("Second 2"), false).await;
    assert_eq!(lines(&p), ["First 1*", "Second 2"]);
    tick().await;
    let p = add(&t, c, madrid("Third 3"), true).await;
    assert_eq!(lines(&p), ["Third 3*", "Second 2", "First 1"]);

    // PUT with make_default moves it; without, the default stays where it is.
    let second = id_of(&p, "Second 2");
    tick().await;
    let body = json!({"address": madrid("Second 2"), "make_default": true});
    let uri = format!("/v1/me/addresses/{second}");
    let p = ok(call(&t, c, "PUT", &uri, Some(body)).await, StatusCode::OK);
    assert_eq!(lines(&p), ["Second 2*", "Third 3", "First 1"]);
    let body = json!({"address": madrid("Second 2"), "make_default": false});
    let same = ok(call(&t, c, "PUT", &uri, Some(body)).await, StatusCode::OK);
    assert_eq!(same, p, "nothing changed, not even updated_at");

    // Editing moves an address up among the others and stamps it.
    let first = id_of(&p, "First 1");
    let before = p["addresses"][2]["updated_at"].clone();
    tick().await;
    let mut edited = madrid("First 1");
    edited["line2"] = json!("  2º A ");
    let body = json!({"address": edited});
    let p = ok(
        call(
            &t,
            c,
            "PUT",
            &format!("/v1/me/addresses/{first}"),
            Some(body),
        )
        .await,
        StatusCode::OK,
    );
    assert_eq!(lines(&p), ["Second 2*", "First 1", "Third 3"]);
    assert_eq!(p["addresses"][1]["address"]["line2"], "2º A", "trimmed");
    assert_ne!(p["addresses"][1]["updated_at"], before);

    // Removing the default promotes the most recently updated one left.
    let p = ok(call(&t, c, "DELETE", &uri, None).await, StatusCode::OK);
    assert_eq!(lines(&p), ["First 1*", "Third 3"]);
    assert_eq!(profile(&t, c).await, p);
    let r = call(&t, c, "DELETE", &uri, None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found"),
        "already removed"
    );
    // Removing one that is not the default leaves the default alone.
    let third = id_of(&p, "Third 3");
    let p = ok(
        call(&t, c, "DELETE", &format!("/v1/me/addresses/{third}"), None).await,
        StatusCode::OK,
    );
    assert_eq!(lines(&p), ["First 1*"]);
    let first = format!("/v1/me/addresses/{}", id_of(&p, "First 1"));
    let p = ok(call(&t, c, "DELETE", &first, None).await, StatusCode::OK);
    assert_eq!(p["addresses"], json!([]));
    assert_eq!(
        lines(&add(&t, c, madrid("Fresh 4"), false).await),
        ["Fresh 4*"]
    );
}

#[tokio::test]
async fn a_book_holds_twenty_addresses() {
    let t = setup().await;
    let c = "cus_many";
    for i in 1..=MAX_ADDRESSES {
        add(&t, c, madrid(&format!("Street {i}")), false).await;
    }
    let body = json!({"address": madrid("Street 21")});
    let r = call(&t, c, "POST", "/v1/me/addresses", Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let e = r.json();
    assert_eq!(e["code"], "conflict");
    assert!(e["message"].as_str().unwrap().contains("remove one"));
    let p = profile(&t, c).await;
    assert_eq!(p["addresses"].as_array().unwrap().len(), MAX_ADDRESSES);
    assert_eq!(lines(&p)[0], "Street 1*");
    let some = id_of(&p, "Street 7");
    call(&t, c, "DELETE", &format!("/v1/me/addresses/{some}"), None).await;
    let p = ok(
        call(&t, c, "POST", "/v1/me/addresses", Some(body)).await,
        StatusCode::CREATED,
    );
    assert_eq!(p["addresses"].as_array().unwrap().len(), MAX_ADDRESSES);
}

#[tokio::test]
async fn addresses_follow_each_countrys_rules() {
    let t = setup().await;
    let c = "cus_world";
    let cases = [
        // A US address without its state.
        json!({"name": "Ben", "line1": "245 W 17th St", "city": "New York", "postal_code": "10011", "country": "US"}),
        // A Brazilian CEP one digit short.
        json!({"name": "Bia", "line1": "Av. Paulista 1000", "city": "São Paulo", "region": "SP", "postal_code": "01310-10", "country": "BR"}),
        // Several problems at once: every field is named.
        json!({"name": " ", "line1": "Via Roma 1", "city": "Milano", "region": "Milano", "postal_code": "2012", "country": "IT"}),
        json!({"name": "Nils", "line1": "Damrak 1", "city": "Amsterdam", "postal_code": "1012 LG", "country": "Netherlands"}),
    ];
    let expected = [
        vec![("address.region", "required")],
        vec![("address.postal_code", "invalid_format")],
        vec![
            ("address.name", "required"),
            ("address.postal_code", "invalid_format"),
            ("address.region", "invalid_format"),
        ],
        vec![("address.country", "invalid_format")],
    ];
    for (address, want) in cases.iter().zip(expected) {
        let body = json!({"address": address});
        let r = call(&t, c, "POST", "/v1/me/addresses", Some(body.clone())).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{address}");
        let e = r.json();
        assert_eq!(e["code"], "validation_failed");
        let got: Vec<(String, String)> = e["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["field"].as_str().unwrap().into(),
                    f["issue"].as_str().unwrap().into(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(f, i)| (f.to_string(), i.to_string()))
            .collect();
        assert_eq!(got, want, "{address}");
        // Exactly what the shared rules (the widget's forms) report.
        let input: AddressInput = serde_json::from_value(body).unwrap();
        let shared = input.validate().unwrap_err();
        assert_eq!(serde_json::to_value(shared).unwrap()["fields"], e["fields"]);
    }
    assert_eq!(
        profile(&t, c).await["addresses"],
        json!([]),
        "nothing saved"
    );

    // Stored as the post writes it: a GB postcode gets its space, a US state its code.
    let gb = json!({"name": "Ada", "line1": "10 Downing St", "city": "London", "postal_code": "sw1a1aa", "country": "uk"});
    add(&t, c, gb, false).await;
    let us = json!({"name": "Ben", "line1": "1 Main St", "city": "Boston", "region": "ma", "postal_code": "02108", "country": "US"});
    let p = add(&t, c, us, false).await;
    let saved = &p["addresses"][0]["address"];
    assert_eq!(
        (&saved["postal_code"], &saved["country"]),
        (&json!("SW1A 1AA"), &json!("GB"))
    );
    assert_eq!(p["addresses"][1]["address"]["region"], "MA");
    let gb_id = p["addresses"][0]["id"].as_i64().unwrap();
    let bad = json!({"address": {"name": "Ada", "line1": "10 Downing St", "city": "London", "postal_code": "SW1A 1A", "country": "GB"}});
    let r = call(
        &t,
        c,
        "PUT",
        &format!("/v1/me/addresses/{gb_id}"),
        Some(bad),
    )
    .await;
    assert_eq!(field_names(&r), ["address.postal_code"]);

    // Unreadable bodies.
    let r = call(
        &t,
        c,
        "POST",
        "/v1/me/addresses",
        Some(json!({"make_default": true})),
    )
    .await;
    assert_eq!(
        (r.status, field_names(&r)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["address".to_string()]
        )
    );
    let r = t
        .send(
            shopper("POST", "/v1/me/addresses", &customer_token(c))
                .body(Body::from("{nope"))
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "bad_request")
    );
    assert_eq!(profile(&t, c).await, p);
}

#[tokio::test]
async fn another_customers_address_is_not_found() {
    let t = setup().await;
    let ana = profile(&t, "cus_ana").await;
    let hers = id_of(&ana, "Rua Augusta 152");
    let uri = format!("/v1/me/addresses/{hers}");
    let body = json!({"address": madrid("Taken 1"), "make_default": true});
    for (method, body) in [("PUT", Some(body.clone())), ("DELETE", None)] {
        let r = call(&t, "cus_olivia", method, &uri, body).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{method}"
        );
        assert_eq!(
            r.json()["message"],
            "Not found.",
            "nothing about whose it is"
        );
    }
    // Ids that are not ids, or no address at all, get the same answer.
    for id in ["999999", "0", "-1", "abc", "1.5", "+1"] {
        let uri = format!("/v1/me/addresses/{id}");
        let r = call(&t, "cus_ana", "PUT", &uri, Some(body.clone())).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "PUT {id}");
        let r = call(&t, "cus_ana", "DELETE", &uri, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "DELETE {id}");
    }
    assert_eq!(profile(&t, "cus_ana").await, ana, "Ana's book is untouched");
    assert_eq!(
        lines(&profile(&t, "cus_olivia").await),
        ["Carrer de Colón 22*"]
    );
}

#[tokio::test]
async fn only_a_customer_token_has_a_profile() {
    let t = setup().await;
    let guest = order_session("1001");
    let hers = id_of(&profile(&t, "cus_ana").await, "Rua Augusta 152");
    let uri = format!("/v1/me/addresses/{hers}");
    let body = Some(json!({"address": madrid("Guest 1")}));
    for (method, path, body) in [
        ("GET", "/v1/me/profile", None),
        ("POST", "/v1/me/addresses", body.clone()),
        ("PUT", uri.as_str(), body.clone()),
        ("DELETE", uri.as_str(), None),
    ] {
        let r = call_as(&t, &guest, method, path, body.clone()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{method} {path}"
        );
        let req = public(method, path)
            .header("content-type", "application/json")
            .body(body.as_ref().map_or_else(Body::empty, json_body))
            .unwrap();
        let r = t.send(req).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized"),
            "{method} {path} without a token"
        );
    }
    let r = call_as(&t, "v1.not-a-token", "GET", "/v1/me/profile", None).await;
    assert_eq!(r.code(), "invalid_token");
    assert_eq!(lines(&profile(&t, "cus_ana").await).len(), 2);
}

#[tokio::test]
async fn saving_an_address_twice_with_one_key_saves_it_once() {
    let t = setup().await;
    let c = "cus_retry";
    let post = |token: String, key: &'static str, street: &'static str| {
        shopper("POST", "/v1/me/addresses", &token)
            .header("idempotency-key", key)
            .body(json_body(&json!({"address": madrid(street)})))
            .unwrap()
    };
    let first = t.send(post(customer_token(c), "addr-1", "Once 1")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.header("idempotent-replayed"), None);
    // A retry, even with a newer token for the same customer, answers the first result.
    tick().await;
    let again = t.send(post(customer_token(c), "addr-1", "Once 1")).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json(), first.json());
    assert_eq!(lines(&profile(&t, c).await), ["Once 1*"]);
    let other = t.send(post(customer_token(c), "addr-1", "Other 2")).await;
    assert_eq!(
        (other.status, other.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused")
    );
    // Another customer's key space is their own.
    let r = t
        .send(post(customer_token("cus_other"), "addr-1", "Once 1"))
        .await;
    assert_eq!(r.header("idempotent-replayed"), None);
    assert_eq!(lines(&profile(&t, c).await), ["Once 1*"]);
}

#[tokio::test]
async fn orders_carry_product_pages_refunds_and_the_phone() {
    let t = setup().await;
    let page = |sku: &str| format!("http://127.0.0.1:8080/product.html?sku={sku}");
    let o = ok(
        shopper_get(&t, "cus_ana", "1017", None).await,
        StatusCode::OK,
    );
    assert_eq!(
        o["totals"]["refunded"],
        json!({"amount_minor": 2900, "currency": "EUR"})
    );
    assert_eq!(o["totals"]["total"]["amount_minor"], 11800);
    assert_eq!(o["items"][0]["product_url"], page("PACK-ROLL-20"));
    assert_eq!(o["items"][1]["product_url"], page("BOTTLE-INS-750"));
    let admin_view = order(&t, "1017").await;
    assert_eq!(admin_view["totals"], o["totals"]);
    assert_eq!(admin_view["items"], o["items"]);
    let o = ok(
        shopper_get(&t, "cus_ana", "1001", None).await,
        StatusCode::OK,
    );
    assert!(
        o["totals"].get("refunded").is_none(),
        "nothing refunded: absent"
    );

    // The merchant's push sets and clears them.
    let mut body = json!({
        "order_number": "7001", "email": "pia@example.com",
        "customer": {"external_id": "cus_pia", "email": "pia@example.com", "name": "Pia", "phone": " +49 30 1234567 "},
        "currency": "EUR", "placed_at": "2030-01-01T10:00:00+01:00",
        "items": [{"sku": "A", "title": "Alpha", "quantity": 2, "unit_price_minor": 1000,
                   "product_url": "https://shop.example/p/alpha"}],
        "shipping_minor": 500, "tax_minor": 0, "discount_minor": 0, "refunded_minor": 2500
    });
    let r = admin_send(&t, "PUT", "/v1/admin/orders/7001", &body).await;
    let o = ok(r, StatusCode::CREATED);
    assert_eq!(o["totals"]["refunded"]["amount_minor"], 2500, "all of it");
    assert_eq!(o["items"][0]["product_url"], "https://shop.example/p/alpha");
    let p = profile(&t, "cus_pia").await;
    assert_eq!(
        (&p["name"], &p["phone"]),
        (&json!("Pia"), &json!("+49 30 1234567"))
    );

    body["refunded_minor"] = json!(2501);
    body["items"][0]["product_url"] = json!("javascript:alert(1)");
    let r = admin_send(&t, "PUT", "/v1/admin/orders/7001", &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&r), ["items[0].product_url", "refunded_minor"]);

    body["refunded_minor"] = json!(0);
    body["items"][0]["product_url"] = Value::Null;
    body["customer"]["phone"] = Value::Null;
    let o = ok(
        admin_send(&t, "PUT", "/v1/admin/orders/7001", &body).await,
        StatusCode::OK,
    );
    assert!(o["totals"].get("refunded").is_none());
    assert!(o["items"][0].get("product_url").is_none());
    assert!(profile(&t, "cus_pia").await.get("phone").is_none());
}

#[tokio::test]
async fn the_typed_client_keeps_an_address_book() {
    let t = setup().await;
    let base = t.spawn().await;
    let client = Client::new(&base, PK).with_retry(RetryPolicy::NONE);
    let me = client.with_token(&customer_token("cus_typed"));
    let address = |line1: &str| Address {
        name: "Typed".into(),
        line1: line1.into(),
        city: "Porto".into(),
        postal_code: "4000 322".into(),
        country: "PT".into(),
        ..Address::default()
    };
    let input = |line1: &str, make_default| AddressInput {
        address: address(line1),
        make_default,
    };
    assert!(me.profile().await.unwrap().addresses.is_empty());
    let p = me
        .add_address(&input("Rua A 1", false), "typed-1")
        .await
        .unwrap();
    assert_eq!(p.addresses[0].address.postal_code, "4000-322");
    let p = me
        .add_address(&input("Rua B 2", true), "typed-2")
        .await
        .unwrap();
    assert!(p.addresses[0].is_default && p.addresses[0].address.line1 == "Rua B 2");
    let a = p.addresses[1].id;
    let p = me.update_address(a, &input("Rua A 1", true)).await.unwrap();
    assert_eq!(p.addresses[0].id, a);
    let p = me.remove_address(a).await.unwrap();
    assert_eq!(p.addresses.len(), 1);
    assert!(p.addresses[0].is_default);
    assert_eq!(me.profile().await.unwrap(), p);
    let err = me.remove_address(a).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NotFound));
    let err = me
        .add_address(&input("", false), "typed-3")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::ValidationFailed));
    let guest = client.with_token(&order_session("1001"));
    assert_eq!(
        guest.profile().await.unwrap_err().code(),
        Some(ErrorCode::Forbidden)
    );
}

#[tokio::test]
async fn openapi_documents_the_profile_routes() {
    let doc = serde_json::to_value(aftercare_server::http::routes().into_openapi()).unwrap();
    let statuses = |path: &str, method: &str| -> Vec<String> {
        let op = &doc["paths"][path][method];
        assert_eq!(op["tags"], json!(["profile"]), "{method} {path}");
        op["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} undocumented"))
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(statuses("/v1/me/profile", "get"), ["200", "401", "403"]);
    assert_eq!(
        statuses("/v1/me/addresses", "post"),
        ["201", "400", "401", "403", "409", "413", "422"]
    );
    assert_eq!(
        statuses("/v1/me/addresses/{id}", "put"),
        ["200", "400", "401", "403", "404", "413", "422"]
    );
    assert_eq!(
        statuses("/v1/me/addresses/{id}", "delete"),
        ["200", "401", "403", "404"]
    );
    for method in ["put", "delete"] {
        let param = &doc["paths"]["/v1/me/addresses/{id}"][method]["parameters"][0];
        assert_eq!(
            (&param["name"], &param["in"]),
            (&json!("id"), &json!("path"))
        );
        assert_eq!(param["schema"]["minimum"], 1, "{method}");
    }
    let key = &doc["paths"]["/v1/me/addresses"]["post"]["parameters"][0];
    assert_eq!(key["name"], "Idempotency-Key");
    assert_eq!(key["schema"]["maxLength"], 255);
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for s in ["Profile", "SavedAddress", "AddressInput", "Address"] {
        assert!(schemas.contains_key(s), "schema {s}");
    }
    assert!(doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "profile"));
}
