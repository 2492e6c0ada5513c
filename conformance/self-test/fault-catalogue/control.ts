import { CatalogueClient } from './catalogue-client.ts';

/** The catalogue's control: the base client with no fault. It must pass the whole default suite. */
export default () => new CatalogueClient('fault-catalogue control').adapter();
