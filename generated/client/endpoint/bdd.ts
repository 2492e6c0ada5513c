// smithy-typescript generated code
import { BinaryDecisionDiagram } from "@smithy/util-endpoints";

const a="isSet",
b={"ref":"Endpoint"};
const _data={
  conditions: [
    [a,[b]],
    [a,[{ref:"Region"}]]
  ],
  results: [
    [-1],
    [b,{}],
    ["https://cognito-idp.{Region}.amazonaws.com",{}],
    [-1,"Neither a region nor an endpoint was configured."]
  ]
};

const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
  -1, 1, -1,
  0, r + 1, 3,
  1, r + 2, r + 3,
]);
export const bdd = BinaryDecisionDiagram.from(
  nodes, root, _data.conditions, _data.results
);
