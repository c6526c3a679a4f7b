
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Carregando…`,
'common.new-tab': `(abre em uma nova aba)`,
'common.offline-copy': str`Não foi possível atualizar. Mostrando a cópia de ${0}.`,
'common.retry': `Tentar novamente`,
'error.config': `Este widget não tem uma fonte de informações configurada.`,
'error.format': `As informações recebidas estão danificadas ou em um formato inesperado.`,
'error.http': str`O servidor respondeu com um erro (${0}). Tente novamente mais tarde.`,
'error.network': `Verifique sua conexão e tente novamente.`,
'error.offline': `Parece que você está sem conexão. Verifique sua conexão e tente novamente.`,
'error.timeout': `O servidor demorou demais para responder. Tente novamente em instantes.`,
'error.title': `Não foi possível carregar as informações.`,
'news.empty': `Não há notícias para mostrar no momento.`,
'news.label': `Notícias sobre migração`,
'news.more': `Mais notícias`,
'news.showing': str`Mostrando ${0} de ${1} notícias.`,
'quiz.copied': `Link copiado.`,
'quiz.copy-link': `Copiar link`,
'quiz.correct': `Correto!`,
'quiz.count': str`Número de afirmações: ${0}`,
'quiz.empty': `Não há nenhum quiz disponível no momento.`,
'quiz.fact': `Fato`,
'quiz.is-fact': `Esta afirmação é um fato.`,
'quiz.is-myth': `Esta afirmação é um mito.`,
'quiz.label': `Quiz: mito ou fato`,
'quiz.myth': `Mito`,
'quiz.next': `Próxima`,
'quiz.progress': str`Afirmação ${0} de ${1}`,
'quiz.restart': `Tentar de novo`,
'quiz.result-all': `Excelente! Você sabe distinguir mitos de fatos.`,
'quiz.result-announce': str`Seu resultado: ${0} de ${1}`,
'quiz.result-few': `Os mitos podem parecer convincentes; é por isso que se espalham. Leia as explicações abaixo.`,
'quiz.result-most': `Muito bem! Confira as explicações das que você errou.`,
'quiz.result-some': `Um bom começo. As explicações abaixo mostram onde os mitos enganam.`,
'quiz.result-title': `Seu resultado`,
'quiz.review-correct': str`Resposta correta: ${0}`,
'quiz.review-given': str`Sua resposta: ${0}`,
'quiz.review-label': `Suas respostas`,
'quiz.sample': `Conteúdo de exemplo`,
'quiz.score': str`${0} de ${1}`,
'quiz.see-result': `Ver resultado`,
'quiz.share': `Compartilhar`,
'quiz.share-text': `Mito ou fato? Teste o que você sabe sobre migração.`,
'quiz.source': `Fonte:`,
'quiz.start': `Começar`,
'quiz.whatsapp': `Compartilhar no WhatsApp`,
'quiz.wrong': `Não exatamente.`,
'quiz.your-answer-label': `Sua resposta`,
    };
  