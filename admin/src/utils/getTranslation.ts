import { PLUGIN_ID } from '../pluginId';

/** The full react-intl key of one of Mailroom's strings. */
const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

export { getTranslation };
