
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Cargando…`,
'common.offline-copy': str`No se pudo actualizar. Se muestra la copia del ${0}.`,
'common.retry': `Reintentar`,
'error.config': `Este widget no tiene configurada una fuente de información.`,
'error.format': `La información recibida está dañada o tiene un formato inesperado.`,
'error.http': str`El servidor respondió con un error (${0}). Inténtalo más tarde.`,
'error.network': `Revisa tu conexión e inténtalo de nuevo.`,
'error.offline': `Parece que no tienes conexión. Revisa tu conexión e inténtalo de nuevo.`,
'error.timeout': `El servidor tardó demasiado en responder. Inténtalo de nuevo en un momento.`,
'error.title': `No se pudo cargar la información.`,
'news.empty': `No hay noticias para mostrar en este momento.`,
'news.label': `Noticias sobre migración`,
'news.more': `Más noticias`,
'news.showing': str`Se muestran ${0} de ${1} noticias.`,
    };
  