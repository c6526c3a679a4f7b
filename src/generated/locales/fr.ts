
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Chargement…`,
'common.new-tab': `(s’ouvre dans un nouvel onglet)`,
'common.offline-copy': str`Mise à jour impossible. Voici la copie du ${0}.`,
'common.retry': `Réessayer`,
'error.config': `Aucune source d’informations n’est configurée pour ce widget.`,
'error.format': `Les informations reçues sont endommagées ou dans un format inattendu.`,
'error.http': str`Le serveur a répondu par une erreur (${0}). Réessayez plus tard.`,
'error.network': `Vérifiez votre connexion et réessayez.`,
'error.offline': `Vous semblez hors ligne. Vérifiez votre connexion et réessayez.`,
'error.timeout': `Le serveur a mis trop de temps à répondre. Réessayez dans un instant.`,
'error.title': `Les informations n’ont pas pu être chargées.`,
'news.empty': `Il n’y a aucune actualité à afficher pour le moment.`,
'news.label': `Actualités sur la migration`,
'news.more': `Plus d’actualités`,
'news.showing': str`${0} actualités affichées sur ${1}.`,
'quiz.copied': `Lien copié.`,
'quiz.copy-link': `Copier le lien`,
'quiz.correct': `Bonne réponse !`,
'quiz.count': str`Nombre d’affirmations : ${0}`,
'quiz.empty': `Aucun quiz n’est disponible pour le moment.`,
'quiz.fact': `Réalité`,
'quiz.is-fact': `Cette affirmation est une réalité.`,
'quiz.is-myth': `Cette affirmation est un mythe.`,
'quiz.label': `Quiz : mythe ou réalité`,
'quiz.myth': `Mythe`,
'quiz.next': `Suivant`,
'quiz.progress': str`Affirmation ${0} sur ${1}`,
'quiz.restart': `Recommencer`,
'quiz.result-all': `Excellent ! Vous savez distinguer les mythes de la réalité.`,
'quiz.result-announce': str`Votre résultat : ${0} sur ${1}`,
'quiz.result-few': `Les mythes peuvent sembler convaincants ; c’est pour cela qu’ils se répandent. Lisez les explications ci-dessous.`,
'quiz.result-most': `Bravo ! Relisez les explications de celles que vous avez manquées.`,
'quiz.result-some': `Un bon début. Les explications ci-dessous montrent où les mythes trompent.`,
'quiz.result-title': `Votre résultat`,
'quiz.review-correct': str`Bonne réponse : ${0}`,
'quiz.review-given': str`Votre réponse : ${0}`,
'quiz.review-label': `Vos réponses`,
'quiz.sample': `Contenu d’exemple`,
'quiz.score': str`${0} sur ${1}`,
'quiz.see-result': `Voir le résultat`,
'quiz.share': `Partager`,
'quiz.share-text': `Mythe ou réalité ? Testez vos connaissances sur la migration.`,
'quiz.source': `Source :`,
'quiz.start': `Commencer`,
'quiz.whatsapp': `Partager sur WhatsApp`,
'quiz.wrong': `Pas tout à fait.`,
'quiz.your-answer-label': `Votre réponse`,
    };
  