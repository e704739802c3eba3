/** AWS CodeDeploy lifecycle hooks: waits for a decision and reports it with a SigV4-signed call. */
package dev.greenlight.gate.codedeploy;
