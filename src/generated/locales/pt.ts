
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Carregando…`,
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
    };
  