//! `aftercare-server seed-demo`: the "Aurora Outfitters" demo store, its tracking settings
//! (72 h stall threshold, shipping FAQ in English and Spanish), 31 realistic orders that
//! cover every tracking state a shopper can meet, and its returns (settings, catalog, past
//! returns: see [`returns`]).
//!
//! Times are relative to the moment of seeding, with the carriers' real offsets (+01:00
//! Spain, -05:00 US East, +08:00 China…). Newer orders send carriers' raw status codes, as
//! merchants forward them, so the demo exercises the shared normaliser. Everything goes
//! through `repo::orders::put_order` and `ingest_events`, the code paths of the admin API
//! (validation included), so re-running replaces orders by number and never duplicates
//! anything. docs/CONTRACTS.md lists every order's state.

mod returns;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::repo::{orders, stores, surveys};
use aftercare_shared::api::{
    CustomerInput, LineItemInput, LocalizedFaq, OrderInput, ParcelItemInput, ShipmentInput,
    StoreSettings, SupportContacts, SurveySettings, TrackingEventBatch, TrackingEventInput,
};
use aftercare_shared::order::{Address, PaymentMethod, PickupPoint};
use aftercare_shared::survey::{SurveyKind, SurveyRules};
use aftercare_shared::tracking::{EtaWindow, Location, TrackingPolicy};
use aftercare_shared::{ExceptionReason, Locale, OrderNumber, Timestamp, TrackingStatus};

/// The demo store's publishable key.
pub const DEMO_PUBLISHABLE_KEY: &str = "pk_demo_aurora";
/// The demo store's secret key.
pub const DEMO_SECRET_KEY: &str = "sk_demo_aurora_secret";

/// The demo store: name, keys, support contacts and local-development origins.
pub fn demo_store() -> stores::StoreInput {
    stores::StoreInput {
        name: "Aurora Outfitters".into(),
        publishable_key: DEMO_PUBLISHABLE_KEY.into(),
        secret_key: DEMO_SECRET_KEY.into(),
        default_locale: Locale::En,
        support: SupportContacts {
            email: Some("help@aurora.example".into()),
            phone: Some("+34 910 000 000".into()),
            chat_url: Some("https://aurora.example/help".into()),
        },
        origins: vec!["http://127.0.0.1:*".into(), "http://localhost:*".into()],
    }
}

/// What `seed-demo` wrote.
#[derive(Debug)]
pub struct SeedReport {
    /// The demo store's id.
    pub store_id: i64,
    /// Orders created or replaced.
    pub orders: usize,
}

/// Where the demo storefront is served when nothing else is said (`serve`'s default address);
/// product images are `{public_url}/img/{slug}.svg` from `demo-site/img/`.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// The demo store's tracking settings: a 72 h stall threshold, 30 days to expiry, the
/// support contacts and a five-question shipping FAQ in English and Spanish.
pub fn demo_settings() -> StoreSettings {
    let en = [
        ("When will my order ship?", "Orders placed before 14:00 (Madrid time) on a working day leave our warehouse the same day; later orders ship the next working day. You get an email with the tracking number as soon as the parcel is handed to the carrier."),
        ("My tracking hasn't updated for a few days. Is something wrong?", "Parcels are often scanned only when they reach the next hub, so a quiet day or two is normal, especially over weekends and on international routes. If there is no update for three days, contact us and we will open an enquiry with the carrier."),
        ("I missed the delivery. What now?", "The courier usually tries again the next working day or leaves the parcel at a nearby pickup point; the tracking page shows which. You can also rearrange delivery on the carrier's website with your tracking number."),
        ("Will I have to pay customs or import duties?", "Orders shipped within the EU never have customs charges. For deliveries outside the EU the carrier may collect import duties and taxes on arrival; if a parcel is held in customs, the carrier will contact you with the amount and how to pay."),
        ("I entered the wrong address. Can you change it?", "Contact us as soon as possible. Before the parcel ships we can correct the address; once it is with the carrier we will ask them to redirect it, or you can update it on the carrier's site when the tracking shows an address problem."),
    ];
    let es = [
        ("¿Cuándo se enviará mi pedido?", "Los pedidos hechos antes de las 14:00 (hora de Madrid) en un día laborable salen de nuestro almacén ese mismo día; los posteriores, el siguiente día laborable. Recibirás un email con el número de seguimiento en cuanto el paquete esté en manos del transportista."),
        ("Mi seguimiento no se actualiza desde hace días. ¿Pasa algo?", "Los paquetes suelen escanearse solo al llegar al siguiente centro, así que uno o dos días sin novedades es normal, sobre todo en fin de semana y en envíos internacionales. Si pasan tres días sin actualizaciones, escríbenos y abriremos una reclamación con el transportista."),
        ("No estaba cuando vinieron a entregarlo. ¿Qué hago?", "Normalmente el repartidor lo intenta de nuevo el siguiente día laborable o deja el paquete en un punto de recogida cercano; la página de seguimiento indica cuál. También puedes concertar otra entrega en la web del transportista con tu número de seguimiento."),
        ("¿Tendré que pagar aduanas o impuestos de importación?", "Los envíos dentro de la UE nunca tienen gastos de aduana. Para entregas fuera de la UE, el transportista puede cobrar aranceles e impuestos a la llegada; si un paquete queda retenido en aduanas, el transportista te contactará con el importe y la forma de pago."),
        ("Me equivoqué en la dirección. ¿Podéis cambiarla?", "Escríbenos cuanto antes. Si el paquete aún no ha salido, corregimos la dirección; si ya está con el transportista, le pediremos que lo redirija, o puedes actualizarla en su web cuando el seguimiento muestre un problema con la dirección."),
    ];
    let faq = [(Locale::En, &en), (Locale::Es, &es)]
        .into_iter()
        .flat_map(|(locale, list)| {
            list.iter().map(move |(q, a)| LocalizedFaq {
                locale,
                question: (*q).into(),
                answer: (*a).into(),
            })
        })
        .collect();
    StoreSettings {
        tracking_policy: TrackingPolicy {
            stall_after_hours: 72,
            expire_after_days: 30,
        },
        faq,
        support: demo_store().support,
    }
}

/// Create or refresh the demo store and its orders (idempotent), with product images served
/// from [`DEFAULT_PUBLIC_URL`].
pub async fn seed_demo(db: &Db) -> Result<SeedReport> {
    seed_demo_with(db, DEFAULT_PUBLIC_URL).await
}

/// Create or refresh the demo store, its settings and its orders (idempotent), with product
/// images under `public_url` (the address the demo storefront is served from).
///
/// Delivery windows move with the seeding time, so each order's ETA history is cleared before
/// it is replaced: a re-seed leaves exactly the revisions one seed writes.
pub async fn seed_demo_with(db: &Db, public_url: &str) -> Result<SeedReport> {
    let store = stores::upsert(db, &demo_store()).await?;
    stores::put_settings(db, store.id, &demo_settings()).await?;
    let now = crate::now_ms();
    let list = demo_orders(now, public_url);
    for order in &list {
        let number = OrderNumber::parse(&order.order_number)
            .map_err(|_| Error::internal("demo order number"))?;
        orders::reset_eta_history(db, store.id, &number).await?;
        orders::put_order(db, store.id, order).await?;
    }
    for (number, tracking_number, eta) in demo_eta_revisions(now) {
        let order = list
            .iter()
            .find(|o| o.order_number == number)
            .ok_or_else(|| Error::internal("revised demo order"))?;
        let number = OrderNumber::parse(&order.order_number)
            .map_err(|_| Error::internal("demo order number"))?;
        let mut conn = db.pool.acquire().await?;
        let id = orders::order_id_by_number(&mut conn, store.id, &number)
            .await?
            .ok_or_else(|| Error::internal("seeded order vanished"))?;
        let shipment = orders::load_order(&mut conn, id)
            .await?
            .shipments
            .into_iter()
            .find(|s| s.tracking_number == tracking_number)
            .ok_or_else(|| Error::internal("seeded parcel vanished"))?;
        drop(conn);
        let batch = TrackingEventBatch {
            events: vec![],
            eta: Some(eta),
        };
        orders::ingest_events(db, store.id, shipment.id, &batch).await?;
    }
    seed_surveys(db, store.id, now).await?;
    returns::seed_returns(db, store.id, now).await?;
    Ok(SeedReport {
        store_id: store.id,
        orders: list.len(),
    })
}

/// The demo store's survey settings: default rules (D=3, R=90, S=30, 100 %) and the wording
/// in English and Spanish for NPS and CSAT (`{store}` becomes "Aurora Outfitters").
pub fn demo_survey_settings(kind: SurveyKind) -> SurveySettings {
    SurveySettings {
        rules: SurveyRules::default(),
        texts: Locale::ALL
            .iter()
            .map(|l| surveys::default_text(kind, *l))
            .collect(),
    }
}

/// One seeded NPS answer: (days ago, hour of day, score, comment index or none, Spanish,
/// wants contact, followed up).
type SeedNps = (i64, i64, u8, Option<usize>, bool, bool, bool);

/// Sixty NPS answers over the last eleven weeks (scores improve a little over time), and
/// six CSAT answers. Subjects are `customer:seed_NN`, never a demo customer, so the
/// end-to-end tests' customers (cus_ana, cus_ben, cus_carla, cus_dev) start with no history.
pub fn demo_survey_responses(now_ms: i64) -> Vec<surveys::SeedResponse> {
    const PROMOTER: [(&str, &str); 6] = [
        ("The merino sweater is the warmest thing I own and it arrived in two days. Already ordered another colour.", "El jersey de merino es lo más calentito que tengo y llegó en dos días. Ya he pedido otro color."),
        ("Great quality, the tracking page told me exactly when the courier would come.", "Muy buena calidad, y la página de seguimiento me dijo exactamente cuándo venía el repartidor."),
        ("Exchanged a size with no hassle at all. Lovely customer service.", "Cambié la talla sin ningún problema. Atención al cliente encantadora."),
        ("Beautiful packaging, no plastic, and the socks are perfect for hiking.", "Embalaje precioso, sin plásticos, y los calcetines son perfectos para el monte."),
        ("Third order this year, always on time.", "Tercer pedido este año, siempre puntual."),
        ("Support answered my question about sizing within an hour.", "Soporte respondió a mi duda sobre tallas en menos de una hora."),
    ];
    const PASSIVE: [(&str, &str); 5] = [
        (
            "Good products but shipping to the Canaries took a week.",
            "Buenos productos, pero el envío a Canarias tardó una semana.",
        ),
        (
            "The jacket is nice, a bit pricier than I expected.",
            "La chaqueta está bien, algo más cara de lo que esperaba.",
        ),
        (
            "Fine overall. The size guide could be clearer.",
            "Bien en general. La guía de tallas podría ser más clara.",
        ),
        (
            "Delivery was OK, but I had to check the tracking several times.",
            "La entrega bien, pero tuve que mirar el seguimiento varias veces.",
        ),
        (
            "Nice shirt, the colour is slightly different from the photos.",
            "Camisa bonita, el color es un poco distinto al de las fotos.",
        ),
    ];
    const DETRACTOR: [(&str, &str); 6] = [
        (
            "My parcel was stuck in customs for ten days and nobody told me about the duties.",
            "Mi paquete estuvo diez días retenido en aduanas y nadie me avisó de los aranceles.",
        ),
        (
            "The belt arrived scratched and I am still waiting for a reply about the return.",
            "El cinturón llegó rayado y sigo esperando respuesta sobre la devolución.",
        ),
        (
            "Courier said 'nobody home' but I was home all day.",
            "El repartidor dijo que no había nadie, pero estuve en casa todo el día.",
        ),
        (
            "Wrong size sent twice. Please call me.",
            "Me mandaron la talla equivocada dos veces. Llamadme, por favor.",
        ),
        (
            "Delivery took three weeks, the tracking did not move for days.",
            "La entrega tardó tres semanas y el seguimiento no se movió en días.",
        ),
        (
            "=Refund me now! The stitching came apart after one wash.",
            "=¡Quiero mi reembolso! Las costuras se abrieron al primer lavado.",
        ),
    ];
    const NAMES: [&str; 20] = [
        "maria.garcia",
        "john.miller",
        "lucia.martin",
        "oliver.smith",
        "carmen.ruiz",
        "emma.jones",
        "javier.sanchez",
        "sophie.brown",
        "pablo.gomez",
        "liam.wilson",
        "ines.moreno",
        "noah.taylor",
        "elena.diaz",
        "mia.davies",
        "diego.alvarez",
        "ava.thomas",
        "sara.romero",
        "jack.evans",
        "marta.navarro",
        "grace.walker",
    ];
    // 60 answers: (days ago, score, comment?, Spanish?, wants contact?, followed up?).
    let scores: [u8; 60] = [
        9, 3, 7, 10, 6, 8, 9, 2, 10, 7, // weeks 11–10 ago: mixed
        5, 9, 8, 10, 4, 9, 7, 10, 6, 9, // weeks 9–8
        10, 8, 9, 3, 10, 9, 7, 10, 9, 6, // weeks 7–6
        9, 10, 8, 10, 9, 5, 10, 9, 7, 10, // weeks 5–4
        10, 9, 10, 8, 9, 10, 4, 10, 9, 10, // weeks 3–2
        9, 10, 7, 10, 10, 9, 1, 10, 8, 10, // weeks 1–0
    ];
    let mut answers: Vec<SeedNps> = Vec::new();
    let (mut pi, mut qi, mut di) = (0usize, 0usize, 0usize);
    for (i, score) in scores.iter().enumerate() {
        let i64i = i as i64;
        let days_ago = 76 - (i64i * 76) / 59;
        let hour = 8 + (i64i * 5) % 12;
        let spanish = i % 3 != 1;
        let (comment, wants, followed) = match score {
            9..=10 => {
                let c = (i % 2 == 0).then(|| {
                    pi += 1;
                    (pi - 1) % PROMOTER.len()
                });
                (c, false, false)
            }
            7..=8 => {
                let c = (i % 2 == 0).then(|| {
                    qi += 1;
                    (qi - 1) % PASSIVE.len()
                });
                (c, false, false)
            }
            _ => {
                di += 1;
                let c = Some((di - 1) % DETRACTOR.len());
                // Most detractors ask to be contacted; the older ones were followed up.
                let wants = di % 4 != 0;
                (c, wants, wants && days_ago > 30)
            }
        };
        answers.push((days_ago, hour, *score, comment, spanish, wants, followed));
    }
    let mut out = Vec::with_capacity(66);
    for (i, (days_ago, hour, score, comment, spanish, wants, followed)) in
        answers.into_iter().enumerate()
    {
        let day_start = now_ms - now_ms.rem_euclid(86_400_000) - days_ago * 86_400_000;
        let mut created = day_start + hour * HOUR + (i as i64 * 7) % 60 * 60_000;
        if created > now_ms {
            created = now_ms - (i as i64 + 1) * 60_000;
        }
        let category = SurveyKind::Nps
            .score(i64::from(score))
            .map(|s| s.category())
            .unwrap_or(aftercare_shared::survey::Category::Passive);
        let text = comment.map(|c| {
            let pair = match category {
                aftercare_shared::survey::Category::Promoter => PROMOTER[c],
                aftercare_shared::survey::Category::Passive => PASSIVE[c],
                aftercare_shared::survey::Category::Detractor => DETRACTOR[c],
            };
            if spanish { pair.1 } else { pair.0 }.to_owned()
        });
        out.push(surveys::SeedResponse {
            id: format!("seed_nps_{:03}", i + 1),
            subject_key: format!("customer:seed_{:02}", i + 1),
            kind: SurveyKind::Nps,
            score,
            comment: text,
            wants_contact: wants,
            followed_up_at_ms: followed.then_some(created + 2 * 86_400_000),
            order_number: Some(format!("{}", 901 + i)),
            email: Some(format!("{}@example.com", NAMES[i % NAMES.len()])),
            created_at_ms: created,
        });
    }
    let csat: [(i64, u8, Option<&str>, bool); 6] = [
        (40, 5, Some("Arrived a day early, thank you!"), false),
        (33, 4, None, false),
        (25, 2, Some("La caja llegó aplastada."), true),
        (18, 5, Some("Perfecto, como siempre."), false),
        (
            9,
            3,
            Some("Delivery was fine, the driver was in a rush."),
            false,
        ),
        (2, 4, None, false),
    ];
    for (i, (days_ago, score, comment, wants)) in csat.into_iter().enumerate() {
        let created = now_ms - days_ago * 86_400_000 - (i as i64 + 1) * HOUR;
        out.push(surveys::SeedResponse {
            id: format!("seed_csat_{:03}", i + 1),
            subject_key: format!("customer:seed_{:02}", 61 + i),
            kind: SurveyKind::Csat,
            score,
            comment: comment.map(str::to_owned),
            wants_contact: wants,
            followed_up_at_ms: None,
            order_number: Some(format!("{}", 961 + i)),
            email: Some(format!("{}@example.com", NAMES[(i * 3) % NAMES.len()])),
            created_at_ms: created,
        });
    }
    out
}

/// Write the demo store's survey settings and seeded responses (idempotent: settings are
/// replaced, responses upserted by their fixed ids with times relative to `now_ms`).
pub async fn seed_surveys(db: &Db, store_id: i64, now_ms: i64) -> Result<()> {
    for kind in [SurveyKind::Nps, SurveyKind::Csat] {
        surveys::put_settings(db, store_id, kind, &demo_survey_settings(kind)).await?;
    }
    surveys::upsert_seed_responses(db, store_id, &demo_survey_responses(now_ms)).await
}

/// Carrier ETA revisions sent after the orders, through the ingest path: (order number,
/// tracking number, new window). 1021's Correos parcel slips from T+1d to T+3d..T+4d.
pub fn demo_eta_revisions(now_ms: i64) -> Vec<(&'static str, &'static str, EtaWindow)> {
    let c = Clock(now_ms - now_ms.rem_euclid(60_000));
    vec![(
        "1021",
        "PQ4F6P0700123450301007M",
        EtaWindow {
            earliest: c.days(3, ES),
            latest: c.days(4, ES),
        },
    )]
}

const HOUR: i64 = 3_600_000;
const ES: i16 = 60;
const US_EAST: i16 = -300;
const CN: i16 = 480;

struct Clock(i64);

impl Clock {
    /// `hours` from now (negative = past), at a place with this UTC offset.
    fn at(&self, hours: i64, offset: i16) -> Timestamp {
        Timestamp::from_utc_ms(self.0 + hours * HOUR, offset)
    }
    fn days(&self, days: i64, offset: i16) -> Timestamp {
        self.at(days * 24, offset)
    }
}

fn customer(id: &str) -> Option<CustomerInput> {
    let (email, name) = match id {
        "cus_ana" => ("ana@example.com", "Ana López"),
        "cus_ben" => ("ben@example.com", "Ben Carter"),
        "cus_carla" => ("carla@example.com", "Carla Ruiz"),
        "cus_dev" => ("dev@example.com", "Dev Patel"),
        _ => return None,
    };
    Some(CustomerInput {
        external_id: id.into(),
        email: email.into(),
        name: Some(name.into()),
    })
}

fn address(who: &str) -> Address {
    let a = |name: &str,
             line1: &str,
             line2: Option<&str>,
             city: &str,
             region: Option<&str>,
             postal: &str,
             country: &str| Address {
        name: name.into(),
        line1: line1.into(),
        line2: line2.map(Into::into),
        city: city.into(),
        region: region.map(Into::into),
        postal_code: postal.into(),
        country: country.into(),
    };
    match who {
        "ana" => a(
            "Ana López",
            "Calle de Alcalá 123",
            Some("3º B"),
            "Madrid",
            Some("Madrid"),
            "28009",
            "ES",
        ),
        "ben" => a(
            "Ben Carter",
            "245 W 17th St",
            Some("Apt 4C"),
            "New York",
            Some("NY"),
            "10011",
            "US",
        ),
        "carla" => a(
            "Carla Ruiz",
            "Carrer de Mallorca 210",
            Some("Principal 2ª"),
            "Barcelona",
            Some("Barcelona"),
            "08008",
            "ES",
        ),
        "dev" => a(
            "Dev Patel",
            "77 Massachusetts Ave",
            None,
            "Cambridge",
            Some("MA"),
            "02139",
            "US",
        ),
        "marta" => a(
            "Marta Gil",
            "Avenida del Puerto 45",
            Some("Puerta 12"),
            "Valencia",
            Some("Valencia"),
            "46023",
            "ES",
        ),
        "dev_madrid" => a(
            "Dev Patel",
            "Calle de Serrano 41",
            Some("5º izquierda"),
            "Madrid",
            Some("Madrid"),
            "28001",
            "ES",
        ),
        "tom" => a(
            "Tom Reed",
            "1200 Peachtree St NE",
            Some("Suite 300"),
            "Atlanta",
            Some("GA"),
            "30309",
            "US",
        ),
        _ => a(
            "Lucía Fernández",
            "Calle Sierpes 8",
            None,
            "Sevilla",
            Some("Sevilla"),
            "41004",
            "ES",
        ),
    }
}

fn card(brand: &str, last4: Option<&str>) -> Option<PaymentMethod> {
    Some(PaymentMethod {
        brand: brand.into(),
        last4: last4.map(Into::into),
    })
}

/// (sku, title, variant, unit price in minor units, image slug: `demo-site/img/{slug}.svg`)
type Product = (
    &'static str,
    &'static str,
    Option<&'static str>,
    i64,
    &'static str,
);

const SWEATER: Product = (
    "MER-CREW-FG-M",
    "Merino Crew Sweater",
    Some("Forest Green / M"),
    8900,
    "merino-sweater",
);
const SOCKS: Product = (
    "SOCK-WOOL-HIKE",
    "Wool Hiking Socks",
    None,
    1250,
    "hiking-socks",
);
const LINEN: Product = (
    "LIN-SHIRT-WH-L",
    "Linen Shirt",
    Some("White / L"),
    5900,
    "linen-shirt",
);
const TOTE: Product = (
    "TOTE-CANVAS-NAT",
    "Canvas Tote",
    Some("Natural"),
    2900,
    "canvas-tote",
);
const BELT: Product = (
    "BELT-LEA-BR-90",
    "Leather Belt",
    Some("Brown / 90 cm"),
    4500,
    "leather-belt",
);
const JACKET: Product = (
    "RAIN-PACK-NV-M",
    "Packable Rain Jacket",
    Some("Navy / M"),
    12900,
    "rain-jacket",
);
const SHOES: Product = (
    "TRAIL-RUN-SL-42",
    "Trail Running Shoes",
    Some("Slate / EU 42"),
    11900,
    "trail-running-shoes",
);
const BEANIE: Product = (
    "BEANIE-RIB-CH",
    "Ribbed Beanie",
    Some("Charcoal"),
    2200,
    "ribbed-beanie",
);
const VEST: Product = (
    "VEST-DOWN-BK-S",
    "Down Vest",
    Some("Black / S"),
    9900,
    "down-vest",
);
const CHINOS: Product = (
    "CHINO-ORG-SD-32",
    "Organic Cotton Chinos",
    Some("Sand / 32"),
    6900,
    "organic-chinos",
);
const BASE: Product = (
    "BASE-MER-BK-M",
    "Merino Base Layer",
    Some("Black / M"),
    7500,
    "merino-base-layer",
);
const DAYPACK: Product = (
    "PACK-ROLL-20",
    "Roll-top Daypack 20 L",
    Some("Olive"),
    8900,
    "rolltop-daypack",
);
const SUNGLASSES: Product = (
    "SUN-POL-TORT",
    "Polarised Sunglasses",
    Some("Tortoise"),
    6500,
    "polarised-sunglasses",
);
const BOTTLE: Product = (
    "BOTTLE-INS-750",
    "Insulated Bottle 750 ml",
    Some("Glacier"),
    2900,
    "insulated-bottle",
);
const FLANNEL: Product = (
    "FLAN-OVER-RD-M",
    "Flannel Overshirt",
    Some("Red Check / M"),
    6900,
    "flannel-overshirt",
);
const GLOVES: Product = (
    "GLOVE-TOUCH-M",
    "Touchscreen Gloves",
    Some("M"),
    2500,
    "touchscreen-gloves",
);
const SCARF: Product = (
    "SCARF-ALP-GR",
    "Alpaca Scarf",
    Some("Grey"),
    5500,
    "alpaca-scarf",
);

fn line(p: Product, quantity: u32) -> LineItemInput {
    LineItemInput {
        sku: p.0.into(),
        title: p.1.into(),
        variant: p.2.map(Into::into),
        quantity,
        unit_price_minor: p.3,
        // Made absolute with the public URL at the end of `demo_orders`.
        image_url: Some(format!("/img/{}.svg", p.4)),
    }
}

/// Price in another currency (the US storefront lists the same catalogue in USD).
fn usd(p: Product) -> Product {
    (p.0, p.1, p.2, p.3 + p.3 / 10, p.4)
}

fn ev(
    status: TrackingStatus,
    description: &str,
    place: (&str, Option<&str>, &str),
    occurred_at: Timestamp,
) -> TrackingEventInput {
    TrackingEventInput {
        carrier_event_id: None,
        status: Some(status),
        reason: None,
        raw_status: None,
        description: description.into(),
        location: Some(Location {
            city: Some(place.0.into()),
            region: place.1.map(Into::into),
            country: Some(place.2.into()),
            postal_code: None,
        }),
        occurred_at,
    }
}

/// A checkpoint as the carrier sends it: its own status code, mapped by the server.
fn raw(
    code: &str,
    description: &str,
    place: (&str, Option<&str>, &str),
    occurred_at: Timestamp,
) -> TrackingEventInput {
    TrackingEventInput {
        status: None,
        raw_status: Some(code.into()),
        ..ev(TrackingStatus::InTransit, description, place, occurred_at)
    }
}

/// A checkpoint with its exception reason given explicitly (as aggregators send it).
fn with_reason(mut e: TrackingEventInput, reason: ExceptionReason) -> TrackingEventInput {
    e.reason = Some(reason);
    e
}

fn tracking_url(carrier: &str, number: &str) -> String {
    match carrier {
        "correos" => format!("https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={number}"),
        "seur" => format!("https://www.seur.com/livetracking/?segOnlineIdentificador={number}"),
        "ups" => format!("https://www.ups.com/track?tracknum={number}"),
        "dhl" => format!("https://www.dhl.com/es-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={number}"),
        "fedex" => format!("https://www.fedex.com/fedextrack/?trknbr={number}"),
        "gls" => format!("https://gls-group.com/ES/en/parcel-tracking/?match={number}"),
        _ => format!("https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
    }
}

fn parcel(
    carrier: &str,
    number: &str,
    shipped_at: Option<Timestamp>,
    eta: Option<(Timestamp, Timestamp)>,
    items: &[(Product, u32)],
    events: Vec<TrackingEventInput>,
) -> ShipmentInput {
    let name = match carrier {
        "correos" => "Correos",
        "seur" => "SEUR",
        "ups" => "UPS",
        "dhl" => "DHL",
        "fedex" => "FedEx",
        "gls" => "GLS",
        _ => "USPS",
    };
    ShipmentInput {
        carrier_code: carrier.into(),
        carrier_name: Some(name.into()),
        tracking_number: number.into(),
        tracking_url: Some(tracking_url(carrier, number)),
        eta_earliest: eta.map(|e| e.0),
        eta_latest: eta.map(|e| e.1),
        shipped_at,
        pickup_point: None,
        items: items
            .iter()
            .map(|(p, q)| ParcelItemInput {
                sku: p.0.into(),
                quantity: *q,
            })
            .collect(),
        events,
    }
}

#[allow(clippy::too_many_arguments)]
fn order(
    number: &str,
    email: &str,
    customer_id: Option<&str>,
    currency: &str,
    placed_at: Timestamp,
    items: &[(Product, u32)],
    (shipping_minor, tax_minor, discount_minor): (i64, i64, i64),
    ship_to: &str,
    payment: Option<PaymentMethod>,
    shipments: Vec<ShipmentInput>,
) -> OrderInput {
    OrderInput {
        order_number: number.into(),
        email: email.into(),
        customer: customer_id.and_then(customer),
        currency: currency.into(),
        placed_at,
        items: items.iter().map(|(p, q)| line(*p, *q)).collect(),
        shipping_minor,
        tax_minor,
        discount_minor,
        shipping_address: Some(address(ship_to)),
        payment,
        cancelled: false,
        shipments,
    }
}

const MADRID: (&str, Option<&str>, &str) = ("Madrid", None, "ES");
const ZARAGOZA: (&str, Option<&str>, &str) = ("Zaragoza", None, "ES");
const BARCELONA: (&str, Option<&str>, &str) = ("Barcelona", None, "ES");
const VALENCIA: (&str, Option<&str>, &str) = ("Valencia", None, "ES");
const SEVILLA: (&str, Option<&str>, &str) = ("Sevilla", None, "ES");
const COSLADA: (&str, Option<&str>, &str) = ("Coslada", Some("Madrid"), "ES");
const SECAUCUS: (&str, Option<&str>, &str) = ("Secaucus", Some("NJ"), "US");
const NEW_YORK: (&str, Option<&str>, &str) = ("New York", Some("NY"), "US");
const KEARNY: (&str, Option<&str>, &str) = ("Kearny", Some("NJ"), "US");
const BOSTON: (&str, Option<&str>, &str) = ("Boston", Some("MA"), "US");
const CAMBRIDGE: (&str, Option<&str>, &str) = ("Cambridge", Some("MA"), "US");
const ATLANTA: (&str, Option<&str>, &str) = ("Atlanta", Some("GA"), "US");
const LEIPZIG: (&str, Option<&str>, &str) = ("Leipzig", None, "DE");
const CINCINNATI: (&str, Option<&str>, &str) = ("Cincinnati", Some("OH"), "US");
const CORDOBA: (&str, Option<&str>, &str) = ("Córdoba", None, "ES");
const SHENZHEN: (&str, Option<&str>, &str) = ("Shenzhen", Some("Guangdong"), "CN");
const HONG_KONG: (&str, Option<&str>, &str) = ("Hong Kong", None, "HK");
const BAHRAIN: (&str, Option<&str>, &str) = ("Muharraq", None, "BH");
const BH_OFFSET: i16 = 180;

/// The demo orders 1001–1031, with times relative to `now_ms` and product images under
/// `public_url`.
#[allow(clippy::vec_init_then_push)] // one commented block per order reads better than a vec![]
pub fn demo_orders(now_ms: i64, public_url: &str) -> Vec<OrderInput> {
    use TrackingStatus::*;
    let c = Clock(now_ms - now_ms.rem_euclid(60_000));
    let mut out = Vec::new();

    // 1001 — Ana: delivered by Correos about two weeks ago.
    out.push(order(
        "1001",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-16, ES),
        &[(JACKET, 1)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450097001E",
            Some(c.days(-15, ES)),
            Some((c.days(-13, ES), c.days(-12, ES))),
            &[(JACKET, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-15 * 24 - 6, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-15, ES),
                ),
                ev(
                    OutForDelivery,
                    "Out for delivery",
                    MADRID,
                    c.at(-13 * 24 - 6, ES),
                ),
                ev(
                    Delivered,
                    "Delivered to the recipient",
                    MADRID,
                    c.at(-13 * 24 - 2, ES),
                ),
            ],
        )],
    ));

    // 1002 — Ana: Correos, in transit (CONTRACTS.md).
    out.push(order(
        "1002",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-4, ES),
        &[(SWEATER, 1), (SOCKS, 2)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450128001W",
            Some(c.days(-3, ES)),
            Some((c.days(1, ES), c.days(2, ES))),
            &[(SWEATER, 1), (SOCKS, 2)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    Timestamp {
                        utc_ms: c.days(-3, 0).utc_ms,
                        offset_minutes: None,
                    },
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    MADRID,
                    c.days(-2, ES),
                ),
                ev(
                    InTransit,
                    "In transit to the destination hub",
                    ZARAGOZA,
                    c.days(-1, ES),
                ),
            ],
        )],
    ));

    // 1003 — Ana: processing, nothing shipped yet (CONTRACTS.md).
    out.push(order(
        "1003",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.at(-5, ES),
        &[(BEANIE, 1), (GLOVES, 1)],
        (495, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![],
    ));

    // 1004 — Ben: label created, UPS has not received the parcel.
    out.push(order(
        "1004",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-1, US_EAST),
        &[(usd(SHOES), 1)],
        (0, 1155, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "ups",
            "1Z9A7W840354813025",
            None,
            Some((c.days(3, US_EAST), c.days(4, US_EAST))),
            &[(usd(SHOES), 1)],
            vec![ev(
                InfoReceived,
                "Shipper created a label, UPS has not received the package yet.",
                SECAUCUS,
                c.at(-20, US_EAST),
            )],
        )],
    ));

    // 1005 — Ben: USPS, out for delivery today.
    out.push(order(
        "1005",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-4, US_EAST),
        &[(usd(BASE), 1), (usd(BOTTLE), 2)],
        (695, 1303, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "usps",
            "9400111899223197428490",
            Some(c.days(-3, US_EAST)),
            Some((c.at(-2, US_EAST), c.at(6, US_EAST))),
            &[(usd(BASE), 1), (usd(BOTTLE), 2)],
            vec![
                ev(
                    InfoReceived,
                    "Shipping Label Created, USPS Awaiting Item",
                    SECAUCUS,
                    c.days(-3, US_EAST),
                ),
                ev(
                    InTransit,
                    "Accepted at USPS Origin Facility",
                    KEARNY,
                    c.at(-60, US_EAST),
                ),
                ev(
                    InTransit,
                    "Arrived at USPS Regional Facility",
                    NEW_YORK,
                    c.at(-30, US_EAST),
                ),
                ev(
                    OutForDelivery,
                    "Out for Delivery, Expected Delivery by 8:00pm",
                    NEW_YORK,
                    c.at(-3, US_EAST),
                ),
            ],
        )],
    ));

    // 1006 — Carla: two parcels (UPS delivered, SEUR in transit), belt not shipped (CONTRACTS.md).
    out.push(order(
        "1006",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-6, ES),
        &[(LINEN, 1), (TOTE, 1), (BELT, 1)],
        (0, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![
            parcel(
                "ups",
                "1Z999AA10123456784",
                Some(c.days(-5, ES)),
                Some((c.days(-2, ES), c.days(-2, ES))),
                &[(LINEN, 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipper created a label, UPS has not received the package yet.",
                        MADRID,
                        c.at(-5 * 24 - 4, ES),
                    ),
                    ev(InTransit, "Departed from Facility", MADRID, c.days(-4, ES)),
                    ev(InTransit, "Arrived at Facility", BARCELONA, c.days(-3, ES)),
                    ev(
                        OutForDelivery,
                        "Out For Delivery Today",
                        BARCELONA,
                        c.at(-2 * 24 - 6, ES),
                    ),
                    ev(
                        Delivered,
                        "Delivered, Front Door",
                        BARCELONA,
                        c.at(-2 * 24 - 2, ES),
                    ),
                ],
            ),
            parcel(
                "seur",
                "SEUR7788123",
                Some(c.days(-2, ES)),
                Some((c.days(1, ES), c.days(2, ES))),
                &[(TOTE, 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipment data received",
                        MADRID,
                        c.at(-2 * 24 - 3, ES),
                    ),
                    ev(
                        InTransit,
                        "Parcel in transit to the delivery branch",
                        ZARAGOZA,
                        c.at(-20, ES),
                    ),
                ],
            ),
        ],
    ));

    // 1007 — Carla: SEUR tried to deliver and failed.
    out.push(order("1007", "carla@example.com", Some("cus_carla"), "EUR", c.days(-5, ES), &[(VEST, 1)], (0, 0, 0), "carla", card("amex", Some("0005")), vec![
        parcel("seur", "SEUR7790456", Some(c.days(-4, ES)), Some((c.days(-1, ES), c.days(0, ES))), &[(VEST, 1)], vec![
            ev(InfoReceived, "Shipment data received", MADRID, c.at(-4 * 24 - 2, ES)),
            ev(InTransit, "Parcel in transit to the delivery branch", MADRID, c.days(-3, ES)),
            ev(InTransit, "Parcel at the delivery branch", BARCELONA, c.at(-30, ES)),
            ev(OutForDelivery, "Parcel out for delivery", BARCELONA, c.at(-9, ES)),
            ev(AttemptedDelivery, "Delivery attempted: recipient absent. A new attempt will be made on the next business day.", BARCELONA, c.at(-5, ES)),
        ]),
    ]));

    // 1008 — Dev: FedEx, waiting at a pickup point (collect within five days).
    let mut pickup = order(
        "1008",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.days(-5, US_EAST),
        &[(usd(DAYPACK), 1)],
        (0, 612, 0),
        "dev",
        card("visa", Some("1881")),
        vec![parcel(
            "fedex",
            "771234567890",
            Some(c.days(-4, US_EAST)),
            Some((c.days(-1, US_EAST), c.days(1, US_EAST))),
            &[(usd(DAYPACK), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information sent to FedEx",
                    SECAUCUS,
                    c.at(-4 * 24 - 5, US_EAST),
                ),
                ev(InTransit, "Picked up", SECAUCUS, c.days(-4, US_EAST)),
                ev(
                    InTransit,
                    "Arrived at FedEx location",
                    BOSTON,
                    c.days(-2, US_EAST),
                ),
                ev(
                    AvailableForPickup,
                    "Ready for pickup at FedEx Office, 1 Broadway. Bring a photo ID.",
                    CAMBRIDGE,
                    c.at(-20, US_EAST),
                ),
            ],
        )],
    );
    pickup.shipments[0].pickup_point = Some(PickupPoint {
        name: "FedEx Office Print & Ship Center".into(),
        address: Address {
            name: "FedEx Office Print & Ship Center".into(),
            line1: "1 Broadway".into(),
            line2: Some("Kendall Square".into()),
            city: "Cambridge".into(),
            region: Some("MA".into()),
            postal_code: "02142".into(),
            country: "US".into(),
        },
        opening_hours: vec![
            "Mon–Fri 07:00–23:00".into(),
            "Sat 09:00–21:00".into(),
            "Sun 10:00–18:00".into(),
        ],
        pickup_deadline: Some(c.days(5, US_EAST)),
    });
    out.push(pickup);

    // 1009 — Dev: international DHL Express parcel held in customs.
    out.push(order("1009", "dev@example.com", Some("cus_dev"), "EUR", c.days(-6, ES), &[(SCARF, 1), (SWEATER, 1)], (1995, 0, 0), "dev", card("visa", Some("1881")), vec![
        parcel("dhl", "4812776530", Some(c.days(-5, ES)), Some((c.days(-2, US_EAST), c.days(-1, US_EAST))), &[(SCARF, 1), (SWEATER, 1)], vec![
            ev(InfoReceived, "Shipment information received", MADRID, c.at(-5 * 24 - 3, ES)),
            ev(InTransit, "Shipment picked up", MADRID, c.days(-5, ES)),
            ev(InTransit, "Processed at DHL hub", LEIPZIG, c.days(-4, ES)),
            ev(InTransit, "Arrived at DHL hub", CINCINNATI, c.days(-3, US_EAST)),
            with_reason(ev(Exception, "Clearance delay: the shipment is on hold awaiting customs documentation from the importer.", CINCINNATI, c.days(-2, US_EAST)), ExceptionReason::CustomsHold),
        ]),
    ]));

    // 1010 — guest: DHL parcel in transit (CONTRACTS.md).
    out.push(order(
        "1010",
        "guest@example.com",
        None,
        "EUR",
        c.days(-3, ES),
        &[(FLANNEL, 1), (BEANIE, 1)],
        (0, 0, 0),
        "marta",
        card("paypal", None),
        vec![parcel(
            "dhl",
            "JD014600006281234567",
            Some(c.days(-2, ES)),
            Some((c.days(1, ES), c.days(2, ES))),
            &[(FLANNEL, 1), (BEANIE, 1)],
            vec![
                ev(
                    InfoReceived,
                    "The shipment has been electronically announced",
                    MADRID,
                    c.at(-2 * 24 - 4, ES),
                ),
                ev(
                    InTransit,
                    "The shipment has been processed in the parcel centre",
                    MADRID,
                    c.at(-30, ES),
                ),
                ev(
                    InTransit,
                    "The shipment is on its way to the destination parcel centre",
                    VALENCIA,
                    c.at(-8, ES),
                ),
            ],
        )],
    ));

    // 1011 — Ana: weather delay; the promised window has already passed.
    out.push(order("1011", "ana@example.com", Some("cus_ana"), "EUR", c.days(-8, ES), &[(SHOES, 1)], (0, 0, 1190), "ana", card("visa", Some("4242")), vec![
        parcel("ups", "1Z9A7W846802751186", Some(c.days(-7, ES)), Some((c.days(-4, ES), c.days(-3, ES))), &[(SHOES, 1)], vec![
            ev(InfoReceived, "Shipper created a label, UPS has not received the package yet.", BARCELONA, c.at(-7 * 24 - 5, ES)),
            ev(InTransit, "Departed from Facility", BARCELONA, c.days(-6, ES)),
            ev(InTransit, "Arrived at Facility", ZARAGOZA, c.days(-5, ES)),
            with_reason(ev(Exception, "Severe weather conditions have delayed delivery. We will deliver as soon as conditions allow.", ZARAGOZA, c.at(-2 * 24 - 4, ES)), ExceptionReason::Delayed),
        ]),
    ]));

    // 1012 — Ben: unclaimed at the post office and returned to sender.
    out.push(order(
        "1012",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-25, US_EAST),
        &[(usd(SUNGLASSES), 1)],
        (695, 633, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![parcel(
            "usps",
            "9400111899560412783315",
            Some(c.days(-24, US_EAST)),
            Some((c.days(-21, US_EAST), c.days(-20, US_EAST))),
            &[(usd(SUNGLASSES), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipping Label Created, USPS Awaiting Item",
                    SECAUCUS,
                    c.days(-24, US_EAST),
                ),
                ev(
                    InTransit,
                    "Arrived at USPS Regional Facility",
                    KEARNY,
                    c.days(-23, US_EAST),
                ),
                ev(
                    AttemptedDelivery,
                    "Notice Left (No Authorized Recipient Available)",
                    NEW_YORK,
                    c.days(-21, US_EAST),
                ),
                ev(
                    AvailableForPickup,
                    "Available for Pickup at the Post Office",
                    NEW_YORK,
                    c.at(-21 * 24 + 3, US_EAST),
                ),
                ev(
                    ReturnedToSender,
                    "Unclaimed/Being Returned to Sender",
                    NEW_YORK,
                    c.days(-6, US_EAST),
                ),
            ],
        )],
    ));

    // 1013 — Carla: an old order, delivered about 200 days ago.
    out.push(order(
        "1013",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-203, ES),
        &[(CHINOS, 2), (BELT, 1)],
        (0, 0, 1830),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "correos",
            "PQ4F6P0700119876540008X",
            Some(c.days(-202, ES)),
            Some((c.days(-200, ES), c.days(-199, ES))),
            &[(CHINOS, 2), (BELT, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-202 * 24 - 4, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-202, ES),
                ),
                ev(
                    OutForDelivery,
                    "Out for delivery",
                    BARCELONA,
                    c.at(-200 * 24 - 5, ES),
                ),
                ev(
                    Delivered,
                    "Delivered to the recipient",
                    BARCELONA,
                    c.at(-200 * 24 - 1, ES),
                ),
            ],
        )],
    ));

    // 1014 — Dev: two parcels, everything shipped (one delivered, one still moving).
    out.push(order(
        "1014",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.days(-7, US_EAST),
        &[(usd(JACKET), 1), (usd(FLANNEL), 1), (usd(GLOVES), 2)],
        (0, 1657, 0),
        "dev",
        card("visa", Some("1881")),
        vec![
            parcel(
                "ups",
                "1Z9A7W841276540031",
                Some(c.days(-6, US_EAST)),
                Some((c.days(-3, US_EAST), c.days(-3, US_EAST))),
                &[(usd(JACKET), 1)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipper created a label, UPS has not received the package yet.",
                        SECAUCUS,
                        c.at(-6 * 24 - 3, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "Departed from Facility",
                        SECAUCUS,
                        c.days(-5, US_EAST),
                    ),
                    ev(
                        OutForDelivery,
                        "Out For Delivery Today",
                        CAMBRIDGE,
                        c.at(-3 * 24 - 6, US_EAST),
                    ),
                    ev(
                        Delivered,
                        "Delivered, Front Door",
                        CAMBRIDGE,
                        c.at(-3 * 24 - 1, US_EAST),
                    ),
                ],
            ),
            parcel(
                "usps",
                "9400111899223100457712",
                Some(c.days(-3, US_EAST)),
                Some((c.days(1, US_EAST), c.days(2, US_EAST))),
                &[(usd(FLANNEL), 1), (usd(GLOVES), 2)],
                vec![
                    ev(
                        InfoReceived,
                        "Shipping Label Created, USPS Awaiting Item",
                        SECAUCUS,
                        c.days(-3, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "In Transit to Next Facility",
                        KEARNY,
                        c.days(-2, US_EAST),
                    ),
                    ev(
                        InTransit,
                        "Arrived at USPS Regional Facility",
                        BOSTON,
                        c.at(-10, US_EAST),
                    ),
                ],
            ),
        ],
    ));

    // 1015 — guest in Atlanta: UPS in transit.
    out.push(order(
        "1015",
        "tom.reed@example.com",
        None,
        "USD",
        c.days(-3, US_EAST),
        &[(usd(VEST), 1)],
        (0, 968, 0),
        "tom",
        card("visa", Some("0077")),
        vec![parcel(
            "ups",
            "1Z9A7W840398870021",
            Some(c.days(-2, US_EAST)),
            Some((c.days(1, US_EAST), c.days(1, US_EAST))),
            &[(usd(VEST), 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipper created a label, UPS has not received the package yet.",
                    SECAUCUS,
                    c.at(-2 * 24 - 5, US_EAST),
                ),
                ev(
                    InTransit,
                    "Departed from Facility",
                    SECAUCUS,
                    c.days(-2, US_EAST),
                ),
                ev(InTransit, "Arrived at Facility", ATLANTA, c.at(-6, US_EAST)),
            ],
        )],
    ));

    // 1016 — Ben: cancelled before shipping.
    let mut cancelled = order(
        "1016",
        "ben@example.com",
        Some("cus_ben"),
        "USD",
        c.days(-10, US_EAST),
        &[(usd(SCARF), 1)],
        (695, 596, 0),
        "ben",
        card("mastercard", Some("5454")),
        vec![],
    );
    cancelled.cancelled = true;
    out.push(cancelled);

    // 1017 — Ana: delivered by DHL about 40 days ago.
    out.push(order(
        "1017",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-42, ES),
        &[(DAYPACK, 1), (BOTTLE, 1)],
        (0, 0, 0),
        "ana",
        card("paypal", None),
        vec![parcel(
            "dhl",
            "JD014600006199887766",
            Some(c.days(-41, ES)),
            Some((c.days(-39, ES), c.days(-38, ES))),
            &[(DAYPACK, 1), (BOTTLE, 1)],
            vec![
                ev(
                    InfoReceived,
                    "The shipment has been electronically announced",
                    MADRID,
                    c.at(-41 * 24 - 3, ES),
                ),
                ev(
                    InTransit,
                    "The shipment has been processed in the parcel centre",
                    MADRID,
                    c.days(-41, ES),
                ),
                ev(
                    OutForDelivery,
                    "The shipment has been loaded onto the delivery vehicle",
                    MADRID,
                    c.at(-39 * 24 - 6, ES),
                ),
                ev(
                    Delivered,
                    "The shipment has been successfully delivered",
                    MADRID,
                    c.at(-39 * 24 - 3, ES),
                ),
            ],
        )],
    ));

    // 1018 — Dev: placed two hours ago, processing.
    out.push(order(
        "1018",
        "dev@example.com",
        Some("cus_dev"),
        "USD",
        c.at(-2, US_EAST),
        &[(usd(BEANIE), 2), (usd(SOCKS), 3)],
        (695, 568, 0),
        "dev",
        card("visa", Some("1881")),
        vec![],
    ));

    // 1019 — Carla: Correos, out for delivery today.
    out.push(order(
        "1019",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-3, ES),
        &[(SUNGLASSES, 1)],
        (0, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450155002N",
            Some(c.days(-2, ES)),
            Some((c.at(-4, ES), c.at(6, ES))),
            &[(SUNGLASSES, 1)],
            vec![
                ev(
                    InfoReceived,
                    "Shipment information received",
                    MADRID,
                    c.at(-2 * 24 - 5, ES),
                ),
                ev(
                    InTransit,
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-2, ES),
                ),
                ev(
                    InTransit,
                    "Arrived at the delivery office",
                    BARCELONA,
                    c.at(-14, ES),
                ),
                ev(OutForDelivery, "Out for delivery", BARCELONA, c.at(-3, ES)),
            ],
        )],
    ));

    // 1020 — guest in Sevilla: SEUR label created yesterday.
    out.push(order(
        "1020",
        "lucia.fernandez@example.com",
        None,
        "EUR",
        c.days(-1, ES),
        &[(TOTE, 2), (BOTTLE, 1)],
        (495, 0, 0),
        "lucia",
        card("visa", Some("3184")),
        vec![parcel(
            "seur",
            "SEUR7791870",
            None,
            Some((c.days(2, ES), c.days(3, ES))),
            &[(TOTE, 2), (BOTTLE, 1)],
            vec![ev(
                InfoReceived,
                "Shipment data received",
                SEVILLA,
                c.at(-10, ES),
            )],
        )],
    ));

    // 1021 — Ana: Correos in transit; the carrier moved the promised day from T+1d to
    // T+3d..T+4d (revision applied through the ingest path, see `demo_eta_revisions`).
    out.push(order(
        "1021",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.at(-4 * 24 - 3, ES),
        &[(BASE, 1)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450301007M",
            Some(c.days(-3, ES)),
            Some((c.days(1, ES), c.days(1, ES))),
            &[(BASE, 1)],
            vec![
                raw(
                    "PRE",
                    "Shipment information received",
                    BARCELONA,
                    c.at(-3 * 24 - 5, ES),
                ),
                raw(
                    "ADM",
                    "Accepted at the Correos sorting centre",
                    BARCELONA,
                    c.days(-3, ES),
                ),
                raw(
                    "TRA",
                    "In transit to the destination hub",
                    ZARAGOZA,
                    c.days(-2, ES),
                ),
                raw(
                    "CTR",
                    "Processing at the Madrid sorting centre is taking longer than usual",
                    COSLADA,
                    c.at(-20, ES),
                ),
            ],
        )],
    ));

    // 1022 — Ben: a gift to Valencia; SEUR cannot deliver, the street number is missing.
    out.push(order(
        "1022",
        "ben@example.com",
        Some("cus_ben"),
        "EUR",
        c.days(-4, ES),
        &[(SCARF, 1)],
        (495, 0, 0),
        "marta",
        card("mastercard", Some("5454")),
        vec![parcel(
            "seur",
            "SEUR7792345",
            Some(c.days(-3, ES)),
            Some((c.days(-1, ES), c.days(0, ES))),
            &[(SCARF, 1)],
            vec![
                raw(
                    "01",
                    "Shipment information received",
                    MADRID,
                    c.at(-3 * 24 - 2, ES),
                ),
                raw(
                    "12",
                    "Parcel in transit to the delivery branch",
                    MADRID,
                    c.days(-2, ES),
                ),
                raw(
                    "14",
                    "Parcel at the delivery branch",
                    VALENCIA,
                    c.at(-30, ES),
                ),
                raw(
                    "INC",
                    "Incorrect address: street number missing",
                    VALENCIA,
                    c.at(-20, ES),
                ),
            ],
        )],
    ));

    // 1023 — Carla: UPS reports the parcel damaged (raw code X, reason sent explicitly).
    out.push(order(
        "1023",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-5, ES),
        &[(JACKET, 1)],
        (0, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "ups",
            "1Z9A7W846811223347",
            Some(c.days(-4, ES)),
            Some((c.days(0, ES), c.days(1, ES))),
            &[(JACKET, 1)],
            vec![
                raw(
                    "M",
                    "Shipper created a label, UPS has not received the package yet.",
                    MADRID,
                    c.at(-4 * 24 - 3, ES),
                ),
                raw("P", "Pickup Scan", MADRID, c.days(-4, ES)),
                raw("I", "Departed from Facility", MADRID, c.days(-3, ES)),
                raw("I", "Arrived at Facility", BARCELONA, c.days(-2, ES)),
                with_reason(
                    raw(
                        "X",
                        "The package was damaged in transit. UPS has notified the sender.",
                        BARCELONA,
                        c.at(-26, ES),
                    ),
                    ExceptionReason::Damaged,
                ),
            ],
        )],
    ));

    // 1024 — Dev: USPS gives the parcel up as lost after a missing-mail search.
    out.push(order("1024", "dev@example.com", Some("cus_dev"), "USD", c.days(-9, US_EAST), &[(usd(SHOES), 1)], (0, 1309, 0), "dev", card("visa", Some("1881")), vec![
        parcel("usps", "9400111899223388120045", Some(c.days(-8, US_EAST)), Some((c.days(-5, US_EAST), c.days(-4, US_EAST))), &[(usd(SHOES), 1)], vec![
            raw("GX", "Shipping Label Created, USPS Awaiting Item", SECAUCUS, c.at(-8 * 24 - 4, US_EAST)),
            raw("03", "Accepted at USPS Origin Facility", KEARNY, c.days(-8, US_EAST)),
            raw("10", "Arrived at USPS Regional Facility", BOSTON, c.days(-7, US_EAST)),
            raw("MS", "Missing Mail search concluded: the package could not be located and is considered lost", BOSTON, c.days(-2, US_EAST)),
        ]),
    ]));

    // 1025 — Ana: the recipient refused the Correos delivery.
    out.push(order(
        "1025",
        "ana@example.com",
        Some("cus_ana"),
        "EUR",
        c.days(-5, ES),
        &[(FLANNEL, 1)],
        (0, 0, 0),
        "ana",
        card("visa", Some("4242")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123450322004K",
            Some(c.days(-4, ES)),
            Some((c.days(-1, ES), c.days(0, ES))),
            &[(FLANNEL, 1)],
            vec![
                raw(
                    "PRE",
                    "Shipment information received",
                    BARCELONA,
                    c.at(-4 * 24 - 3, ES),
                ),
                raw(
                    "ADM",
                    "Accepted at the Correos sorting centre",
                    BARCELONA,
                    c.days(-4, ES),
                ),
                raw(
                    "LLE",
                    "Arrived at the delivery office",
                    MADRID,
                    c.days(-2, ES),
                ),
                raw("REP", "Out for delivery", MADRID, c.at(-30, ES)),
                raw(
                    "REH",
                    "Delivery refused by the recipient",
                    MADRID,
                    c.at(-27, ES),
                ),
            ],
        )],
    ));

    // 1026 — Ben: a gift to Sevilla; GLS has not scanned it for four days (stalled, not late).
    out.push(order(
        "1026",
        "ben@example.com",
        Some("cus_ben"),
        "EUR",
        c.days(-6, ES),
        &[(BEANIE, 2)],
        (495, 0, 0),
        "lucia",
        card("mastercard", Some("5454")),
        vec![parcel(
            "gls",
            "50712349876",
            Some(c.days(-5, ES)),
            Some((c.days(2, ES), c.days(2, ES))),
            &[(BEANIE, 2)],
            vec![
                raw(
                    "PREADVICE",
                    "Shipment information received",
                    MADRID,
                    c.at(-5 * 24 - 4, ES),
                ),
                raw(
                    "INWAREHOUSE",
                    "The parcel has reached the parcel center",
                    MADRID,
                    c.days(-5, ES),
                ),
                raw(
                    "INTRANSIT",
                    "The parcel has left the parcel center",
                    MADRID,
                    c.at(-4 * 24 - 12, ES),
                ),
                raw(
                    "INTRANSIT",
                    "The parcel has reached the regional hub",
                    CORDOBA,
                    c.days(-4, ES),
                ),
            ],
        )],
    ));

    // 1027 — Carla: Correos stopped reporting 35 days ago (expired).
    out.push(order(
        "1027",
        "carla@example.com",
        Some("cus_carla"),
        "EUR",
        c.days(-38, ES),
        &[(BOTTLE, 1)],
        (495, 0, 0),
        "carla",
        card("amex", Some("0005")),
        vec![parcel(
            "correos",
            "PQ4F6P0700123449876003B",
            Some(c.days(-37, ES)),
            Some((c.days(-34, ES), c.days(-33, ES))),
            &[(BOTTLE, 1)],
            vec![
                raw(
                    "PRE",
                    "Shipment information received",
                    MADRID,
                    c.at(-37 * 24 - 3, ES),
                ),
                raw(
                    "ADM",
                    "Accepted at the Correos sorting centre",
                    COSLADA,
                    c.days(-37, ES),
                ),
                raw(
                    "TRA",
                    "In transit to the destination hub",
                    ZARAGOZA,
                    c.days(-36, ES),
                ),
                raw(
                    "TRA",
                    "Arrived at the sorting centre",
                    BARCELONA,
                    c.days(-35, ES),
                ),
            ],
        )],
    ));

    // 1028 — Dev: DHL Express from a supplier in Shenzhen to Madrid via Hong Kong, Bahrain
    // and Leipzig, held in Spanish customs for duties, one missed delivery, delivered four
    // days ago: 40 checkpoints with DHL's raw codes (a long timeline).
    let history: Vec<TrackingEventInput> = [
        (-626, "pre-transit", "Shipment information received", SHENZHEN, CN),
        (-610, "transit", "Shipment picked up", SHENZHEN, CN),
        (-604, "transit", "Processed at SHENZHEN - CHINA MAINLAND", SHENZHEN, CN),
        (-598, "transit", "Departed Facility in SHENZHEN - CHINA MAINLAND", SHENZHEN, CN),
        (-590, "transit", "Arrived at Sort Facility HONG KONG - HONG KONG SAR, CHINA", HONG_KONG, CN),
        (-586, "transit", "Processed at HONG KONG - HONG KONG SAR, CHINA", HONG_KONG, CN),
        (-580, "transit", "Export clearance completed at HONG KONG - HONG KONG SAR, CHINA", HONG_KONG, CN),
        (-566, "transit", "Shipment on hold: awaiting available flight capacity", HONG_KONG, CN),
        (-520, "transit", "Departed Facility in HONG KONG - HONG KONG SAR, CHINA", HONG_KONG, CN),
        (-510, "transit", "Arrived at Sort Facility BAHRAIN - BAHRAIN", BAHRAIN, BH_OFFSET),
        (-506, "transit", "Processed at BAHRAIN - BAHRAIN", BAHRAIN, BH_OFFSET),
        (-490, "transit", "Departed Facility in BAHRAIN - BAHRAIN", BAHRAIN, BH_OFFSET),
        (-478, "transit", "Arrived at Sort Facility LEIPZIG - GERMANY", LEIPZIG, ES),
        (-474, "transit", "Processed at LEIPZIG - GERMANY", LEIPZIG, ES),
        (-470, "transit", "Transferred through LEIPZIG - GERMANY", LEIPZIG, ES),
        (-466, "transit", "Departed Facility in LEIPZIG - GERMANY", LEIPZIG, ES),
        (-450, "transit", "Arrived at Sort Facility MADRID - SPAIN", MADRID, ES),
        (-446, "transit", "Customs status updated: import declaration submitted", MADRID, ES),
        (-440, "cd", "Clearance delay: the shipment is held in customs pending payment of import duties and taxes", MADRID, ES),
        (-420, "transit", "Import duty invoice sent to the receiver by email", MADRID, ES),
        (-396, "transit", "Awaiting payment of duties and taxes by the receiver", MADRID, ES),
        (-372, "transit", "Clearance event: supporting documents received from the receiver", MADRID, ES),
        (-330, "transit", "Duties and taxes paid by the receiver", MADRID, ES),
        (-320, "transit", "Clearance processing complete at MADRID - SPAIN", MADRID, ES),
        (-316, "transit", "Processed at MADRID - SPAIN", MADRID, ES),
        (-310, "transit", "Departed Facility in MADRID - SPAIN", MADRID, ES),
        (-300, "transit", "Arrived at Delivery Facility in COSLADA - SPAIN", COSLADA, ES),
        (-290, "WC", "Out for delivery with the DHL courier", COSLADA, ES),
        (-284, "NH", "Delivery attempted: recipient not at home. A delivery notice was left.", MADRID, ES),
        (-280, "transit", "Shipment back at the DHL delivery facility", COSLADA, ES),
        (-262, "transit", "Delivery rescheduled by the receiver via On Demand Delivery", COSLADA, ES),
        (-240, "transit", "Shipment on hold at the DHL facility until the requested delivery date", COSLADA, ES),
        (-216, "transit", "Held at facility: awaiting the requested delivery date", COSLADA, ES),
        (-192, "transit", "Processed at COSLADA - SPAIN", COSLADA, ES),
        (-168, "transit", "Shipment is ready for the requested delivery date", COSLADA, ES),
        (-150, "transit", "Arrived at Delivery Facility in MADRID - SPAIN", MADRID, ES),
        (-120, "transit", "Processed at MADRID - SPAIN", MADRID, ES),
        (-104, "WC", "Out for delivery with the DHL courier", MADRID, ES),
        (-100, "WC", "Out for delivery: the courier expects to arrive within 60 minutes", MADRID, ES),
        (-96, "delivered", "Delivered - Signed for by: D PATEL", MADRID, ES),
    ]
    .into_iter()
    .map(|(hours, code, text, place, offset)| raw(code, text, place, c.at(hours, offset)))
    .collect();
    out.push(order(
        "1028",
        "dev@example.com",
        Some("cus_dev"),
        "EUR",
        c.days(-27, ES),
        &[(SUNGLASSES, 1), (BOTTLE, 2)],
        (1995, 0, 0),
        "dev_madrid",
        card("visa", Some("1881")),
        vec![parcel(
            "dhl",
            "6284719305",
            Some(c.at(-610, CN)),
            Some((c.days(-12, ES), c.days(-9, ES))),
            &[(SUNGLASSES, 1), (BOTTLE, 2)],
            history,
        )],
    ));

    out.extend(returns::demo_return_orders(&c));

    let base = public_url.trim_end_matches('/');
    for item in out.iter_mut().flat_map(|o| o.items.iter_mut()) {
        if let Some(path) = &item.image_url {
            item.image_url = Some(format!("{base}{path}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_shared::validate;

    #[test]
    fn every_demo_order_is_valid_and_numbered_1001_to_1031() {
        let orders = demo_orders(1_800_000_000_000, DEFAULT_PUBLIC_URL);
        let numbers: Vec<_> = orders.iter().map(|o| o.order_number.as_str()).collect();
        let expected: Vec<String> = (1001..=1031).map(|n| n.to_string()).collect();
        assert_eq!(
            numbers,
            expected.iter().map(String::as_str).collect::<Vec<_>>()
        );
        for o in &orders {
            validate::order_input(o).unwrap_or_else(|e| panic!("{}: {e:?}", o.order_number));
        }
        assert!(validate::order_input(&orders[27]).is_ok());
        assert_eq!(orders[27].shipments[0].events.len(), 40);
        assert!(demo_settings().validate().is_ok());
    }

    #[test]
    fn demo_survey_history_is_realistic_and_leaves_demo_customers_alone() {
        let now = 1_800_000_000_000;
        let list = demo_survey_responses(now);
        let nps: Vec<_> = list.iter().filter(|r| r.kind == SurveyKind::Nps).collect();
        assert_eq!(nps.len(), 60);
        assert_eq!(list.len() - nps.len(), 6);
        for r in &list {
            assert!(
                r.subject_key.starts_with("customer:seed_"),
                "{}",
                r.subject_key
            );
            assert!(r.created_at_ms <= now && r.created_at_ms > now - 77 * 86_400_000);
            assert!(r.kind.score(i64::from(r.score)).is_ok());
        }
        let cat = |r: &&surveys::SeedResponse| r.kind.score(i64::from(r.score)).unwrap().category();
        use aftercare_shared::survey::Category;
        for c in [Category::Promoter, Category::Passive, Category::Detractor] {
            assert!(
                nps.iter()
                    .filter(|r| cat(r) == c)
                    .any(|r| r.comment.is_some()),
                "{c:?}"
            );
        }
        let detractors: Vec<_> = nps
            .iter()
            .filter(|r| cat(r) == Category::Detractor)
            .collect();
        assert!(detractors.iter().filter(|r| r.wants_contact).count() >= 4);
        assert!(detractors
            .iter()
            .any(|r| r.wants_contact && r.followed_up_at_ms.is_some()));
        assert!(detractors
            .iter()
            .any(|r| r.wants_contact && r.followed_up_at_ms.is_none()));
        let ids: std::collections::HashSet<_> = list.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), list.len());
        assert_eq!(list, demo_survey_responses(now), "deterministic");
        for kind in [SurveyKind::Nps, SurveyKind::Csat] {
            assert!(demo_survey_settings(kind).validate().is_ok());
        }
    }

    #[test]
    fn every_product_image_is_a_demo_site_svg() {
        let orders = demo_orders(1_800_000_000_000, "http://shop.test:9000/");
        let img_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo-site/img");
        for item in orders.iter().flat_map(|o| &o.items) {
            let url = item
                .image_url
                .as_deref()
                .expect("every demo item has an image");
            let file = url
                .strip_prefix("http://shop.test:9000/img/")
                .unwrap_or_else(|| panic!("{url} is not under the public URL"));
            assert!(
                img_dir.join(file).is_file(),
                "demo-site/img/{file} is missing"
            );
        }
    }
}
