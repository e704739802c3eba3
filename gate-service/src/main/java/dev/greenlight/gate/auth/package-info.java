/** Bearer tokens, roles and who may write where; tokens are compared in constant time. */
package dev.greenlight.gate.auth;
