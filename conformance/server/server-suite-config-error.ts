/**
 * A server suite option that cannot work as given; the message names the option.
 * @public
 */
export class ServerSuiteConfigError extends Error {
  override name = 'ServerSuiteConfigError';
}
