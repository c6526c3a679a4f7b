
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Cargando…`,
'common.new-tab': `(se abre en una pestaña nueva)`,
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
'quiz.copied': `Enlace copiado.`,
'quiz.copy-link': `Copiar enlace`,
'quiz.correct': `¡Correcto!`,
'quiz.count': str`Número de afirmaciones: ${0}`,
'quiz.empty': `No hay ningún cuestionario disponible en este momento.`,
'quiz.fact': `Realidad`,
'quiz.is-fact': `Esta afirmación es una realidad.`,
'quiz.is-myth': `Esta afirmación es un mito.`,
'quiz.label': `Cuestionario: mito o realidad`,
'quiz.myth': `Mito`,
'quiz.next': `Siguiente`,
'quiz.progress': str`Afirmación ${0} de ${1}`,
'quiz.restart': `Intentar de nuevo`,
'quiz.result-all': `¡Excelente! Sabes distinguir los mitos de la realidad.`,
'quiz.result-announce': str`Tu resultado: ${0} de ${1}`,
'quiz.result-few': `Los mitos pueden sonar convincentes; por eso se difunden. Lee las explicaciones de abajo.`,
'quiz.result-most': `¡Bien hecho! Revisa las explicaciones de las que fallaste.`,
'quiz.result-some': `Un buen comienzo. Las explicaciones de abajo muestran dónde engañan los mitos.`,
'quiz.result-title': `Tu resultado`,
'quiz.review-correct': str`Respuesta correcta: ${0}`,
'quiz.review-given': str`Tu respuesta: ${0}`,
'quiz.review-label': `Tus respuestas`,
'quiz.sample': `Contenido de muestra`,
'quiz.score': str`${0} de ${1}`,
'quiz.see-result': `Ver resultado`,
'quiz.share': `Compartir`,
'quiz.share-text': `¿Mito o realidad? Pon a prueba lo que sabes sobre la migración.`,
'quiz.source': `Fuente:`,
'quiz.start': `Comenzar`,
'quiz.whatsapp': `Compartir por WhatsApp`,
'quiz.wrong': `No exactamente.`,
'quiz.your-answer-label': `Tu respuesta`,
    };
  