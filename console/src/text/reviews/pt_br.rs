//! The review area in Brazilian Portuguese.

use super::{plural, Rv};
use crate::ctx::ReviewFlash as F;
use crate::pages::review_import::ImportIssue as I;
use aftercare_shared::review::{RejectReason as R, ReviewStatus as S};

/// `msg` in Brazilian Portuguese.
pub(in crate::text) fn pt_br(msg: Rv<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        Rv::StatusTabs => s("Avaliações por status"),
        Rv::Tab(st) => s(match st {
            S::Pending => "Para moderar",
            S::Published => "Publicadas",
            S::Rejected => "Recusadas",
        }),
        Rv::ImportTab => s("Importar e exportar"),
        Rv::Count(st, n) => match st {
            S::Pending => plural(n, "avaliação aguardando moderação", "avaliações aguardando moderação"),
            S::Published => plural(n, "avaliação publicada", "avaliações publicadas"),
            S::Rejected => plural(n, "avaliação recusada", "avaliações recusadas"),
        },
        Rv::NoneIn(st) => s(match st {
            S::Pending => "Nenhuma avaliação aguarda moderação.",
            S::Published => "Ainda não há avaliações publicadas.",
            S::Rejected => "Nenhuma avaliação foi recusada.",
        }),
        Rv::Product(p) => format!("Produto: {p}"),
        Rv::By(name) => format!("Por {name}"),
        Rv::NotVerified => s("Compra não verificada"),
        Rv::Written(d) => format!("Escrita em {d}"),
        Rv::Edited(d) => format!("editada em {d}"),
        Rv::RejectedBecause(r) => format!("Recusada: {}.", reason(r).to_lowercase()),
        Rv::Approve => s("Aprovar e publicar"),
        Rv::ReasonLabel => s("Motivo para não publicar"),
        Rv::ChooseReason => s("Escolha um motivo…"),
        Rv::Reason(r) => s(reason(r)),
        Rv::ReasonsHeading => s("O que o autor lê em cada motivo"),
        Rv::NeutralHint => s("Uma avaliação nunca é recusada por ser negativa ou pela nota: só pelo que há de errado no conteúdo."),
        Rv::ReasonNeeded => s("Escolha um motivo: o autor vai lê-lo."),
        Rv::ReplyHeading => s("Resposta pública"),
        Rv::ReplyLabel => s("Resposta a esta avaliação"),
        Rv::ReplyHint(n) => format!("Aparece na página do produto abaixo da avaliação quando ela estiver publicada. Até {n} caracteres."),
        Rv::SaveReply => s("Salvar resposta"),
        Rv::DeleteReply => s("Excluir resposta"),
        Rv::ReplyUpdated(d) => format!("Última alteração: {d}"),
        Rv::ReplyNeeded => s("Escreva a resposta primeiro. Para remover uma resposta, use Excluir resposta."),
        Rv::ReplyTooLong(n) => format!("A resposta é longa demais: use no máximo {n} caracteres."),
        Rv::TodayHeading => s("Avaliações aguardando moderação"),
        Rv::ImportHeading => s("Importar avaliações de outro aplicativo"),
        Rv::ImportIntro => s("Cole a exportação CSV do Judge.me ou do Okendo. O arquivo inteiro é verificado antes: se alguma linha estiver errada, nada é importado e todas as linhas com erro são listadas. Importar o mesmo arquivo de novo não adiciona nada."),
        Rv::FormatLabel => s("Exportado de"),
        Rv::CsvLabel => s("Conteúdo do arquivo CSV"),
        Rv::CsvHint(mb) => format!("Abra o arquivo exportado em um editor de texto, copie tudo e cole aqui. No máximo {mb} MB."),
        Rv::ImportButton => s("Importar avaliações"),
        Rv::ImportRefused(n) => format!(
            "Nada foi importado: {} no arquivo. Corrija e importe de novo.",
            plural(n, "problema", "problemas")
        ),
        Rv::ImportLine(line, column, issue) => format!("Linha {line}, coluna “{column}”: {}.", issue_text(issue)),
        Rv::TooBig(mb) => format!("O arquivo é grande demais: no máximo {mb} MB por importação. Divida-o e importe cada parte."),
        Rv::ResultHeading => s("Resultado da importação"),
        Rv::RowsRead => s("Linhas lidas"),
        Rv::ImportedCount => s("Avaliações adicionadas"),
        Rv::VerifiedCount => s("Delas, de compradores verificados"),
        Rv::DuplicatesCount => s("Já estavam aqui, sem alteração"),
        Rv::ExportHeading => s("Exportar"),
        Rv::ExportHint => s("Todas as avaliações da loja em todos os status, com as respostas, da mais antiga à mais recente."),
        Rv::ExportLink => s("Baixar todas as avaliações (CSV)"),
    }
}

/// A review result in Brazilian Portuguese.
pub(in crate::text) fn flash_pt_br(f: F) -> String {
    match f {
        F::Approved => "Avaliação aprovada: já está na página do produto.",
        F::Rejected => "Avaliação recusada: o autor vê o motivo.",
        F::ReplySaved => {
            "Resposta salva: aparece abaixo da avaliação quando ela estiver publicada."
        }
        F::ReplyDeleted => "Resposta excluída.",
        F::Imported => "Importação concluída: o resultado está abaixo.",
    }
    .to_owned()
}

fn reason(r: R) -> &'static str {
    match r {
        R::Spam => "Spam ou propaganda",
        R::OffTopic => "Fora do assunto",
        R::PersonalData => "Contém dados pessoais",
        R::Offensive => "Linguagem ofensiva",
        R::NotAboutProduct => "Sobre a entrega ou a loja",
    }
}

fn issue_text(i: I) -> String {
    match i {
        I::Unreadable => "a linha não pode ser lida como CSV".to_owned(),
        I::MissingColumn => "o arquivo não tem essa coluna".to_owned(),
        I::Rating => "a nota deve ser um número inteiro de 1 a 5".to_owned(),
        I::Empty => "está vazia".to_owned(),
        I::TooShort(n) => format!("precisa de pelo menos {n} caracteres"),
        I::TooLong(n) => format!("tem mais de {n} caracteres"),
        I::BadDate => "a data está faltando ou não pode ser lida".to_owned(),
        I::FutureDate => "a data está no futuro".to_owned(),
        I::UnknownProduct => "a loja não tem produto com esse SKU, handle ou id".to_owned(),
        I::NoProduct => "a linha não indica SKU, handle nem id de produto".to_owned(),
        I::Invalid => "o valor não é válido".to_owned(),
    }
}
