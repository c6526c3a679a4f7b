
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'common.loading': `Chargement…`,
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
    };
  