//! Every server-written text a shopper reads comes from the shared catalog, in their language:
//! Brazilian Portuguese end to end (store FAQ, return reasons, instructions, the label page,
//! the withdrawal statement and the survey wording).

use crate::common;

use axum::body::Body;
use axum::http::StatusCode;
use common::returns::*;
use common::surveys::shopper;
use common::*;
use serde_json::json;

#[tokio::test]
async fn brazilian_shoppers_get_every_server_text_in_portuguese() {
    let t = setup().await;

    let store = t
        .send(
            public("GET", "/v1/store?locale=pt-BR")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .json();
    assert_eq!(
        store["faq"][0]["question"],
        "Quando meu pedido será enviado?"
    );

    // Any Portuguese tag gets Brazilian Portuguese.
    let o = options(&t, "1029", &ana(), "pt-PT").await.json();
    assert_eq!(o["reasons"][0]["label"], "Ficou pequeno");
    let o = options(&t, "1029", &ana(), "pt-BR").await.json();
    let sweater = line(&o, "MER-CREW-FG-M")["item_id"].clone();
    let body = json!({"method": "pickup", "locale": "pt-BR", "lines": [
        {"item_id": sweater, "quantity": 1, "reason": "wrong_item", "resolution": "refund", "comment": "Cor errada"},
    ]});
    let created = post(&t, "/v1/orders/1029/returns", &ana(), &body, Some("pt-1")).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.json());
    let d = created.json();
    let rma = d["rma"].as_str().unwrap();
    assert!(
        d["instructions"]
            .as_str()
            .unwrap()
            .starts_with(&format!("Embale os itens com um bilhete escrito {rma}")),
        "{}",
        d["instructions"]
    );
    assert_eq!(d["lines"][0]["reason_label"], "Recebi o item errado");

    let label = d["label_url"].as_str().unwrap();
    let page = t
        .send(
            axum::http::Request::get(&label[label.find("/v1/").unwrap()..])
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let html = String::from_utf8_lossy(&page.body).to_string();
    assert!(html.contains("<html lang=\"pt-BR\">"), "{html}");
    assert!(html.contains("Etiqueta de devolução") && html.contains("Pedido 1029"));

    let w = post(
        &t,
        "/v1/orders/1029/withdrawals",
        &ana(),
        &json!({"confirm": true, "locale": "pt-BR"}),
        None,
    )
    .await;
    assert_eq!(w.status, StatusCode::CREATED, "{:?}", w.json());
    let statement = w.json()["statement"].as_str().unwrap().to_owned();
    assert!(
        statement.starts_with("Pela presente, comunico que desisto")
            && statement.contains("pedido 1029")
            && statement.contains("Aurora Outfitters"),
        "{statement}"
    );

    let survey = t
        .send(
            shopper(
                "POST",
                "/v1/surveys/nps/prompt?locale=pt-BR",
                &customer_token("cus_ana"),
            )
            .body(json_body(&json!({"visit_id": "visit-pt-1"})))
            .unwrap(),
        )
        .await;
    assert_eq!(survey.status, StatusCode::OK);
    let text = survey.json();
    assert_eq!(
        text["question"],
        "Qual é a probabilidade de você recomendar Aurora Outfitters para um amigo?"
    );
    assert_eq!(text["high_label"], "Extremamente provável");
}
