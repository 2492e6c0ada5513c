// A factory whose promise never settles.
export default () => new Promise(() => {});
