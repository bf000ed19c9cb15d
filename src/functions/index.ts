// Public API of src/functions: function specs and sets, the built-in domains, and the
// simulated device they run on.
export { WORLD, type World } from "./device/catalog.js";
export type * from "./device/world/types.js";
export type * from "./device/state.js";
export { SimulatedDevice, DEFAULT_PAYMENT_METHOD, DEFAULT_SHIPPING_ADDRESS, PAST_ORDER_IDS, type SimulatedDeviceOptions } from "./device/simulated-device.js";
export { DeviceError } from "./device/errors.js";
export { diffStates } from "./device/diff.js";
export { compactState, expandState, type CompactDeviceState } from "./device/compact.js";
export { tokenize, rankMatches, resolveName } from "./device/match.js";
export { defineFunction, type FunctionSpec, type ExecutionContext, type ParameterShape } from "./spec.js";
export { FunctionSet, signatureHint } from "./function-set.js";
export { UnknownFunctionError, ArgumentValidationError, SpecFormatError } from "./errors.js";
export { describeParameters, parametersJsonSchema, parametersToZod, PARAMETER_TYPES, type ParameterInfo, type ParameterType, type JsonSchemaObject } from "./parameters.js";
export { renderDocstring, renderDocstrings, pythonLiteral } from "./docstring-render.js";
export { parseDocstrings } from "./docstring-parse.js";
export { toOpenAITool, fromOpenAITools, type OpenAITool } from "./openai-tools.js";
export { BUILTIN_DOMAINS, domainOf, domainFunctions, isDomainName, type DomainName } from "./domains/index.js";
export { loadFunctionSpecs } from "./load.js";
export { flightsFor, type FlightOffer } from "./device/travel.js";
