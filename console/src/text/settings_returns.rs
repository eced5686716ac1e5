//! The Returns tab of Settings: its texts, reached through
//! [`T::ReturnsSettings`](super::T::ReturnsSettings), one exhaustive `match` per language. What
//! shoppers read (resolutions, return methods) comes from the shared catalog instead.

use aftercare_shared::returns::Requirement;
use aftercare_shared::Locale;

/// Every message of the Returns tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum RetSet<'a> {
    Intro,
    WindowHeading,
    WindowLabel,
    WindowHint(u32, u32),
    BufferLabel,
    BufferHint(u32, u32),
    FeesHeading,
    RestockingLabel,
    RestockingHint,
    ShippingFeeLabel,
    ShippingFeeHint,
    BonusLabel,
    BonusHint,
    OffersHeading,
    Resolutions,
    Methods,
    Withdrawal,
    FinalSaleHeading,
    FinalSaleLabel,
    FinalSaleHint,
    ReasonsHeading,
    ReasonsHint(usize),
    ReasonNumber(usize),
    ReasonAdd,
    Code,
    CodeHint,
    LabelIn(&'a str),
    LabelsHint,
    CommentRule,
    PhotoRule,
    Rule(Requirement),
    RemoveReason,
    AddressHeading,
    AddressLabel,
    AddressHint(usize),
    RetentionLabel,
    RetentionHint(u32, u32),
    Save,
}

/// `m` in `locale`.
pub(super) fn text(locale: Locale, m: RetSet<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: RetSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        RetSet::Intro => s("How shoppers return what they bought: the window, what it costs, what they may get and the reasons they choose from. Saved together, with the same rules as the API."),
        RetSet::WindowHeading => s("Return window"),
        RetSet::WindowLabel => s("Shoppers may start a return within (days after delivery)"),
        RetSet::WindowHint(a, b) => format!("{a} to {b}."),
        RetSet::BufferLabel => s("Without a delivery scan, the window starts after shipping plus (days)"),
        RetSet::BufferHint(a, b) => format!("{a} to {b}."),
        RetSet::FeesHeading => s("Fees and store credit"),
        RetSet::RestockingLabel => s("Restocking fee on refunds (%)"),
        RetSet::RestockingHint => s("0 to 100, up to two decimals. Exchanges and store credit pay none."),
        RetSet::ShippingFeeLabel => s("Return shipping fee on refunds (in cents)"),
        RetSet::ShippingFeeHint => s("In the currency's smallest unit: 495 is 4.95. 0 to 1000000; 0 makes returns free."),
        RetSet::BonusLabel => s("Bonus on store credit (%)"),
        RetSet::BonusHint => s("0 to 100, up to two decimals: 10 gives 110 of credit for 100 returned."),
        RetSet::OffersHeading => s("What shoppers may choose"),
        RetSet::Resolutions => s("What shoppers may get for returned items (at least one)"),
        RetSet::Methods => s("How parcels may go back (at least one)"),
        RetSet::Withdrawal => s("Offer the EU withdrawal button (withdraw from the contract within 14 days of delivery)"),
        RetSet::FinalSaleHeading => s("Final sale"),
        RetSet::FinalSaleLabel => s("Final-sale tags, one per line"),
        RetSet::FinalSaleHint => s("Products carrying any of these catalog tags cannot be returned. At most 60 characters each."),
        RetSet::ReasonsHeading => s("Return reasons"),
        RetSet::ReasonsHint(n) => format!("Shown to shoppers in this order, in their language. 1 to {n} reasons; codes stay on past returns, so keep a code once it is in use."),
        RetSet::ReasonNumber(n) => format!("Reason {n}"),
        RetSet::ReasonAdd => s("New reason (leave empty to add none)"),
        RetSet::Code => s("Code"),
        RetSet::CodeHint => s("Lower-case letters, digits and _, up to 40 characters, different for each reason."),
        RetSet::LabelIn(language) => format!("Label in {language}"),
        RetSet::LabelsHint => s("At least one language. Shoppers in a language left empty read the English label (or the first one)."),
        RetSet::CommentRule => s("Comment"),
        RetSet::PhotoRule => s("Photos"),
        RetSet::Rule(r) => s(match r {
            Requirement::Disabled => "Not asked",
            Requirement::Optional => "Optional",
            Requirement::Required => "Required",
        }),
        RetSet::RemoveReason => s("Remove this reason"),
        RetSet::AddressHeading => s("Address and photos"),
        RetSet::AddressLabel => s("Return address"),
        RetSet::AddressHint(n) => format!("Printed on the return label. Empty prints the store's name only. At most {n} characters."),
        RetSet::RetentionLabel => s("Keep shoppers' photos after a return closes for (days)"),
        RetSet::RetentionHint(a, b) => format!("{a} to {b}. Then they are deleted."),
        RetSet::Save => s("Save return settings"),
    }
}

fn es(m: RetSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        RetSet::Intro => s("Cómo devuelven los compradores lo que compraron: el plazo, lo que cuesta, lo que pueden recibir y los motivos entre los que eligen. Se guarda todo junto, con las mismas reglas que la API."),
        RetSet::WindowHeading => s("Plazo de devolución"),
        RetSet::WindowLabel => s("Los compradores pueden iniciar una devolución durante (días tras la entrega)"),
        RetSet::WindowHint(a, b) => format!("De {a} a {b}."),
        RetSet::BufferLabel => s("Sin escaneo de entrega, el plazo empieza tras el envío más (días)"),
        RetSet::BufferHint(a, b) => format!("De {a} a {b}."),
        RetSet::FeesHeading => s("Cargos y saldo en tienda"),
        RetSet::RestockingLabel => s("Cargo de reposición en los reembolsos (%)"),
        RetSet::RestockingHint => s("De 0 a 100, hasta dos decimales. Los cambios y el saldo en tienda no lo pagan."),
        RetSet::ShippingFeeLabel => s("Cargo de envío de la devolución en los reembolsos (en céntimos)"),
        RetSet::ShippingFeeHint => s("En la unidad más pequeña de la moneda: 495 son 4,95. De 0 a 1000000; 0 hace gratis las devoluciones."),
        RetSet::BonusLabel => s("Bonificación sobre el saldo en tienda (%)"),
        RetSet::BonusHint => s("De 0 a 100, hasta dos decimales: 10 da 110 de saldo por 100 devueltos."),
        RetSet::OffersHeading => s("Qué pueden elegir los compradores"),
        RetSet::Resolutions => s("Qué pueden recibir los compradores por lo devuelto (al menos una opción)"),
        RetSet::Methods => s("Cómo pueden volver los paquetes (al menos una forma)"),
        RetSet::Withdrawal => s("Ofrecer el botón de desistimiento de la UE (desistir del contrato en los 14 días siguientes a la entrega)"),
        RetSet::FinalSaleHeading => s("Venta final"),
        RetSet::FinalSaleLabel => s("Etiquetas de venta final, una por línea"),
        RetSet::FinalSaleHint => s("Los productos con alguna de estas etiquetas del catálogo no se pueden devolver. Como máximo 60 caracteres cada una."),
        RetSet::ReasonsHeading => s("Motivos de devolución"),
        RetSet::ReasonsHint(n) => format!("Se muestran a los compradores en este orden, en su idioma. De 1 a {n} motivos; los códigos quedan en las devoluciones pasadas, así que no cambies un código ya en uso."),
        RetSet::ReasonNumber(n) => format!("Motivo {n}"),
        RetSet::ReasonAdd => s("Nuevo motivo (déjalo vacío para no añadir ninguno)"),
        RetSet::Code => s("Código"),
        RetSet::CodeHint => s("Letras minúsculas, cifras y _, hasta 40 caracteres, distinto en cada motivo."),
        RetSet::LabelIn(language) => format!("Texto en {language}"),
        RetSet::LabelsHint => s("Al menos un idioma. Quien compra en un idioma vacío lee el texto en inglés (o el primero)."),
        RetSet::CommentRule => s("Comentario"),
        RetSet::PhotoRule => s("Fotos"),
        RetSet::Rule(r) => s(match r {
            Requirement::Disabled => "No se pide",
            Requirement::Optional => "Opcional",
            Requirement::Required => "Obligatorio",
        }),
        RetSet::RemoveReason => s("Quitar este motivo"),
        RetSet::AddressHeading => s("Dirección y fotos"),
        RetSet::AddressLabel => s("Dirección de devolución"),
        RetSet::AddressHint(n) => format!("Se imprime en la etiqueta de devolución. Vacía, se imprime solo el nombre de la tienda. Como máximo {n} caracteres."),
        RetSet::RetentionLabel => s("Conservar las fotos de los compradores tras cerrar una devolución durante (días)"),
        RetSet::RetentionHint(a, b) => format!("De {a} a {b}. Después se borran."),
        RetSet::Save => s("Guardar ajustes de devoluciones"),
    }
}

fn pt_br(m: RetSet<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        RetSet::Intro => s("Como os compradores devolvem o que compraram: o prazo, quanto custa, o que podem receber e os motivos entre os quais escolhem. Tudo é salvo junto, com as mesmas regras da API."),
        RetSet::WindowHeading => s("Prazo de devolução"),
        RetSet::WindowLabel => s("Os compradores podem iniciar uma devolução em até (dias após a entrega)"),
        RetSet::WindowHint(a, b) => format!("De {a} a {b}."),
        RetSet::BufferLabel => s("Sem registro de entrega, o prazo começa após o envio mais (dias)"),
        RetSet::BufferHint(a, b) => format!("De {a} a {b}."),
        RetSet::FeesHeading => s("Taxas e crédito na loja"),
        RetSet::RestockingLabel => s("Taxa de reposição nos reembolsos (%)"),
        RetSet::RestockingHint => s("De 0 a 100, até duas casas decimais. Trocas e crédito na loja não pagam."),
        RetSet::ShippingFeeLabel => s("Taxa de frete da devolução nos reembolsos (em centavos)"),
        RetSet::ShippingFeeHint => s("Na menor unidade da moeda: 495 são 4,95. De 0 a 1000000; 0 torna as devoluções gratuitas."),
        RetSet::BonusLabel => s("Bônus sobre o crédito na loja (%)"),
        RetSet::BonusHint => s("De 0 a 100, até duas casas decimais: 10 dá 110 de crédito por 100 devolvidos."),
        RetSet::OffersHeading => s("O que os compradores podem escolher"),
        RetSet::Resolutions => s("O que os compradores podem receber pelos itens devolvidos (pelo menos uma opção)"),
        RetSet::Methods => s("Como os pacotes podem voltar (pelo menos uma forma)"),
        RetSet::Withdrawal => s("Oferecer o botão de arrependimento da UE (desistir do contrato em até 14 dias após a entrega)"),
        RetSet::FinalSaleHeading => s("Venda final"),
        RetSet::FinalSaleLabel => s("Etiquetas de venda final, uma por linha"),
        RetSet::FinalSaleHint => s("Produtos com alguma destas etiquetas do catálogo não podem ser devolvidos. No máximo 60 caracteres cada."),
        RetSet::ReasonsHeading => s("Motivos de devolução"),
        RetSet::ReasonsHint(n) => format!("Aparecem para os compradores nesta ordem, no idioma deles. De 1 a {n} motivos; os códigos ficam nas devoluções passadas, então não mude um código já em uso."),
        RetSet::ReasonNumber(n) => format!("Motivo {n}"),
        RetSet::ReasonAdd => s("Novo motivo (deixe vazio para não adicionar)"),
        RetSet::Code => s("Código"),
        RetSet::CodeHint => s("Letras minúsculas, números e _, até 40 caracteres, diferente para cada motivo."),
        RetSet::LabelIn(language) => format!("Texto em {language}"),
        RetSet::LabelsHint => s("Pelo menos um idioma. Quem compra num idioma vazio lê o texto em inglês (ou o primeiro)."),
        RetSet::CommentRule => s("Comentário"),
        RetSet::PhotoRule => s("Fotos"),
        RetSet::Rule(r) => s(match r {
            Requirement::Disabled => "Não é pedido",
            Requirement::Optional => "Opcional",
            Requirement::Required => "Obrigatório",
        }),
        RetSet::RemoveReason => s("Remover este motivo"),
        RetSet::AddressHeading => s("Endereço e fotos"),
        RetSet::AddressLabel => s("Endereço de devolução"),
        RetSet::AddressHint(n) => format!("Impresso na etiqueta de devolução. Vazio, só o nome da loja é impresso. No máximo {n} caracteres."),
        RetSet::RetentionLabel => s("Guardar as fotos dos compradores após o encerramento de uma devolução por (dias)"),
        RetSet::RetentionHint(a, b) => format!("De {a} a {b}. Depois são apagadas."),
        RetSet::Save => s("Salvar configurações de devolução"),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    const RULES: [Requirement; 3] = [
        Requirement::Disabled,
        Requirement::Optional,
        Requirement::Required,
    ];

    /// At least one sample of every variant (the console's catalog tests check each one in
    /// every language).
    pub(in crate::text) fn samples() -> Vec<RetSet<'static>> {
        let mut v = vec![
            RetSet::Intro,
            RetSet::WindowHeading,
            RetSet::WindowLabel,
            RetSet::WindowHint(1, 365),
            RetSet::BufferLabel,
            RetSet::BufferHint(0, 60),
            RetSet::FeesHeading,
            RetSet::RestockingLabel,
            RetSet::RestockingHint,
            RetSet::ShippingFeeLabel,
            RetSet::ShippingFeeHint,
            RetSet::BonusLabel,
            RetSet::BonusHint,
            RetSet::OffersHeading,
            RetSet::Resolutions,
            RetSet::Methods,
            RetSet::Withdrawal,
            RetSet::FinalSaleHeading,
            RetSet::FinalSaleLabel,
            RetSet::FinalSaleHint,
            RetSet::ReasonsHeading,
            RetSet::ReasonsHint(30),
            RetSet::ReasonNumber(3),
            RetSet::ReasonAdd,
            RetSet::Code,
            RetSet::CodeHint,
            RetSet::LabelIn("Español"),
            RetSet::LabelsHint,
            RetSet::CommentRule,
            RetSet::PhotoRule,
        ];
        v.extend(RULES.map(RetSet::Rule));
        v.extend([
            RetSet::RemoveReason,
            RetSet::AddressHeading,
            RetSet::AddressLabel,
            RetSet::AddressHint(500),
            RetSet::RetentionLabel,
            RetSet::RetentionHint(1, 3650),
            RetSet::Save,
        ]);
        v
    }

    /// A new variant breaks this `match` until it is numbered (and sampled in `samples`).
    fn index(m: &RetSet<'_>) -> usize {
        match m {
            RetSet::Intro => 0,
            RetSet::WindowHeading => 1,
            RetSet::WindowLabel => 2,
            RetSet::WindowHint(..) => 3,
            RetSet::BufferLabel => 4,
            RetSet::BufferHint(..) => 5,
            RetSet::FeesHeading => 6,
            RetSet::RestockingLabel => 7,
            RetSet::RestockingHint => 8,
            RetSet::ShippingFeeLabel => 9,
            RetSet::ShippingFeeHint => 10,
            RetSet::BonusLabel => 11,
            RetSet::BonusHint => 12,
            RetSet::OffersHeading => 13,
            RetSet::Resolutions => 14,
            RetSet::Methods => 15,
            RetSet::Withdrawal => 16,
            RetSet::FinalSaleHeading => 17,
            RetSet::FinalSaleLabel => 18,
            RetSet::FinalSaleHint => 19,
            RetSet::ReasonsHeading => 20,
            RetSet::ReasonsHint(_) => 21,
            RetSet::ReasonNumber(_) => 22,
            RetSet::ReasonAdd => 23,
            RetSet::Code => 24,
            RetSet::CodeHint => 25,
            RetSet::LabelIn(_) => 26,
            RetSet::LabelsHint => 27,
            RetSet::CommentRule => 28,
            RetSet::PhotoRule => 29,
            RetSet::Rule(_) => 30,
            RetSet::RemoveReason => 31,
            RetSet::AddressHeading => 32,
            RetSet::AddressLabel => 33,
            RetSet::AddressHint(_) => 34,
            RetSet::RetentionLabel => 35,
            RetSet::RetentionHint(..) => 36,
            RetSet::Save => 37,
        }
    }

    #[test]
    fn every_variant_is_sampled_and_values_appear_in_every_language() {
        let seen: std::collections::BTreeSet<usize> = samples().iter().map(index).collect();
        assert_eq!(seen, (0..38).collect());
        for l in Locale::ALL {
            assert!(text(l, RetSet::ReasonsHint(30)).contains(" 30 "), "{l:?}");
            assert!(text(l, RetSet::RetentionHint(1, 3650)).contains("3650"));
            assert!(text(l, RetSet::LabelIn("Español")).ends_with("Español"));
            assert!(text(l, RetSet::ReasonNumber(3)).ends_with(" 3"));
            let rules: std::collections::BTreeSet<String> =
                RULES.iter().map(|r| text(l, RetSet::Rule(*r))).collect();
            assert_eq!(rules.len(), 3, "{l:?}: rules told apart");
        }
    }
}
