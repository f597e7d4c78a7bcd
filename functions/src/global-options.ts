// Options every function shares. index.ts imports this module first: a
// function takes the global options in force when its module is evaluated.
import { setGlobalOptions } from "firebase-functions/v2";
import { REGION } from "./region";

setGlobalOptions({ region: REGION, maxInstances: 5 });
