import { registerDevTools } from "../../dev/register";

/** Every test process may use the scripted model (`scripted:<scenario>`), as a non-production server does. */
registerDevTools();
