// Placeholder: the harness lands with the client-conformance work.
process.stdout.write('conformance: harness not built yet\n');
