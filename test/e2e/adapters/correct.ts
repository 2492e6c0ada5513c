// A correct client for the CLI specs, exported as a factory (the other form the contract allows).
import { minimalClient } from '../../../conformance/self-test/minimal-client.ts';

export default async () => minimalClient({}, 'minimal client (factory export)');
