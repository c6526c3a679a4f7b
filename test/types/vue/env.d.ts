// The package's Vue types, as an app imports them once.
import type {} from 'migration-info-widgets/vue';
